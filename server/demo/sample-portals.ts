/**
 * Portal pages for staff to try the side panel on: saved pages from the capture fixtures, served by the demo
 * district site under /portals/ (an http page the extension can clip; a file:// page needs an extra permission).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapeHtml } from '@linli/core';
import { packageRoot } from '../paths';

/** Detail and list pages of the kinds staff clip every day, in the order the index lists them. */
export const SAMPLE_PORTALS = [
  { name: 'bj-12345-jiesu', label: '接诉即办工单详情（12345）' },
  { name: 'bj-jiesujiban-table-list', label: '工单查询列表（表格）' },
  { name: 'chengdu-liuyan-reply', label: '网络理政留言详情与回复' },
  { name: 'cd-wlwz-card-list', label: '留言选登（卡片列表）' },
  { name: 'cd-grid-event', label: '网格化事件详情' },
  { name: 'bj-12345-nested-gbk', label: '工单详情（GBK 编码）' },
  { name: 'au-council-service-request', label: 'Council service request (English)' },
  { name: 'council-reports-near-you-en', label: 'Reports near you (English list)' },
] as const;

export function samplePortalIndex(): string {
  const items = SAMPLE_PORTALS.map((p) => `<li><a href="/portals/${p.name}.html">${escapeHtml(p.label)}</a></li>`);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>示例政务页面 · Sample portal pages</title>
<style>body{font:18px/1.6 system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2rem auto;max-width:40rem;padding:0 1rem}</style>
</head><body>
<h1>示例政务页面</h1>
<p>打开一页，再在浏览器侧边栏里点“剪藏此页”。Open a page, then clip it from the Linli side panel.</p>
<ul>
${items.join('\n')}
</ul>
</body></html>
`;
}

/** The saved page's bytes as they are (a GBK page keeps its own meta charset), or null for a name not listed. */
export async function samplePortalPage(file: string): Promise<Buffer | null> {
  const sample = SAMPLE_PORTALS.find((p) => `${p.name}.html` === file);
  if (!sample) return null;
  return readFile(path.join(packageRoot(), 'test', 'fixtures', 'portals', file)).catch(() => null);
}
