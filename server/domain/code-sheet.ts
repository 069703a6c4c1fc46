/**
 * The printable sheet of voting codes that 居委会 staff cut up and post into letterboxes: zh-CN, A4, eight cards
 * per page, each with the unit, its code and a QR code that opens the ballot with the code filled in. Codes are
 * stored hashed, so the sheet can only be produced at the moment the codes are issued.
 */

import type { IssuedCode } from '@linli/core';
import { escapeHtml, formatChineseDateTime } from '@linli/core';
import QRCode from 'qrcode';

export function voteUrl(publicUrl: string, slug: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/vote/${encodeURIComponent(slug)}?code=${encodeURIComponent(code)}`;
}

export interface CodeSheetInput {
  slug: string;
  title: string;
  community: string;
  publicUrl: string;
  codes: readonly IssuedCode[];
  closesAt?: string;
}

async function qrSvg(text: string): Promise<string> {
  // The library emits a self-contained <svg> with only path data: safe to inline.
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
}

export async function renderCodeSheet(input: CodeSheetInput): Promise<string> {
  const cards = await Promise.all(
    input.codes.map(async ({ unit, code }) => {
      const url = voteUrl(input.publicUrl, input.slug, code);
      return `<section class="card">
  <header><span class="community">${escapeHtml(input.community)}</span><span class="title">${escapeHtml(input.title)}</span></header>
  <div class="body">
    <div class="qr" role="img" aria-label="投票二维码">${await qrSvg(url)}</div>
    <dl>
      <dt>房号</dt><dd class="unit">${escapeHtml(unit)}</dd>
      <dt>投票码</dt><dd class="code">${escapeHtml(code)}</dd>
    </dl>
  </div>
  <p class="how">用手机扫描二维码投票，或打开 <span class="url">${escapeHtml(url.split('?')[0]!)}</span> 输入投票码。</p>
  <p class="note">每户一码，仅可使用一次，请妥善保管，勿交他人。</p>
</section>`;
    }),
  );
  const deadline = input.closesAt
    ? `<p class="deadline">投票截止：${escapeHtml(formatChineseDateTime(input.closesAt))}（北京时间）</p>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${input.title} · 投票码`)}</title>
<style>
  @page { size: A4; margin: 10mm; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #000; }
  .intro { padding: 0 2mm 4mm; }
  .intro h1 { font-size: 16pt; margin: 0 0 2mm; }
  .intro p { margin: 0; font-size: 10pt; }
  .sheet { display: grid; grid-template-columns: 1fr 1fr; gap: 0; }
  .card { height: 68mm; padding: 4mm 5mm; border: 1px dashed #888; break-inside: avoid; page-break-inside: avoid;
    display: flex; flex-direction: column; gap: 1.5mm; }
  .card header { display: flex; justify-content: space-between; font-size: 9pt; gap: 2mm; }
  .card .title { font-weight: bold; text-align: right; }
  .body { display: flex; gap: 4mm; align-items: center; flex: 1; }
  .qr { width: 34mm; height: 34mm; flex: none; }
  .qr svg { width: 100%; height: 100%; }
  dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 1mm 3mm; align-items: baseline; }
  dt { font-size: 10pt; color: #333; }
  dd { margin: 0; }
  .unit { font-size: 18pt; font-weight: bold; }
  .code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 20pt; font-weight: bold; letter-spacing: 1pt; }
  .how, .note { margin: 0; font-size: 8.5pt; line-height: 1.35; }
  .url { word-break: break-all; }
  .note { color: #444; }
  @media print { .intro { display: none; } .card:nth-child(8n) { break-after: page; } }
</style>
</head>
<body>
<div class="intro">
  <h1>${escapeHtml(input.title)} · 投票码（${input.codes.length} 户）</h1>
  <p>沿虚线裁开，每户一张。投票码只显示这一次，系统中仅保存其摘要；遗失时请重新签发（旧码随即作废）。</p>
  ${deadline}
</div>
<main class="sheet">
${cards.join('\n')}
</main>
</body>
</html>
`;
}
