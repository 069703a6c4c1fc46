/**
 * The result notice (结果公示) posted on the notice board after a vote: zh-CN, one A4 page, with the question, the
 * result (headcount and area per option, their shares of the participants, participation against the electorate,
 * the legal thresholds and whether each held), and the head of the ballot box's hash chain with a QR code to the
 * public box. Once printed and posted, the head cannot be changed: a later rewrite of the stored log, however
 * consistent, no longer ends at the printed head (`linli audit verify SLUG --from URL --head HASH`).
 */

import type { ConsultationView, TallyView } from '@linli/core';
import { escapeHtml, formatChineseDateTime, parseHundredths, percent } from '@linli/core';
import QRCode from 'qrcode';

export interface NoticeInput {
  view: ConsultationView;
  /** The tally in zh-CN (reasons in Chinese). */
  tally: TallyView;
  head: { seq: number; chainHash: string } | null;
  ballotBox: 'public' | 'receipts';
  publicUrl: string;
  /** When the notice was produced (ISO). */
  at: string;
}

export const noticeBoxUrl = (publicUrl: string, slug: string) =>
  `${publicUrl.replace(/\/+$/, '')}/api/v1/consultations/${encodeURIComponent(slug)}/ballot-box`;

/** What the rule asks, in the words of 民法典 第二百七十八条 where it applies. */
const RULE_TEXT: Record<string, string> = {
  'civil-code-major':
    '民法典第二百七十八条（重大事项）：参与表决的业主专有部分面积 ≥ 总面积 2/3，且人数 ≥ 总人数 2/3；同意的面积 ≥ 参与表决面积 3/4，且同意人数 ≥ 参与表决人数 3/4。',
  'civil-code-ordinary':
    '民法典第二百七十八条（一般事项）：参与表决的业主专有部分面积 ≥ 总面积 2/3，且人数 ≥ 总人数 2/3；同意的面积 > 参与表决面积 1/2，且同意人数 > 参与表决人数 1/2。',
  'simple-majority': '简单多数：同意票多于同意与反对票之和的一半（弃权不计）。',
  plurality: '相对多数：得票最多的选项胜出。',
};

const share = (part: string | number | undefined, whole: string | number | undefined, area: boolean) => {
  if (part === undefined || whole === undefined) return '—';
  const p = area ? parseHundredths(String(part)) : BigInt(Math.round(Number(part)));
  const w = area ? parseHundredths(String(whole)) : BigInt(Math.round(Number(whole)));
  return p === null || w === null ? '—' : percent(p, w);
};

function resultSection(input: NoticeInput): string {
  const { tally, view } = input;
  if (tally.hidden) return '<p class="pending">投票尚未结束，结果将在投票结束后公布。</p>';
  const p = tally.participation;
  const labels = new Map((view.ballot?.options ?? []).map((o) => [o.id, o.label]));
  const rows = Object.entries(tally.totals)
    .map(
      ([
        id,
        t,
      ]) => `<tr><th scope="row">${escapeHtml(labels.get(id) ?? id)}</th><td>${t.count}</td><td>${share(t.count, p.count, false)}</td>
        <td>${t.area ?? '—'}</td><td>${share(t.area, p.area, true)}</td></tr>`,
    )
    .join('\n');
  const e = p.electorate;
  const verdict =
    tally.passed === null
      ? ''
      : `<p class="verdict">表决结果：<strong>${tally.passed ? '通过' : '未通过'}</strong>${tally.final ? '' : '（投票进行中，非最终结果）'}</p>`;
  return `<table>
  <caption>各选项票数（占参与表决业主的比例）</caption>
  <thead><tr><th scope="col">选项</th><th scope="col">人数</th><th scope="col">人数占比</th><th scope="col">面积（m²）</th><th scope="col">面积占比</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<table>
  <caption>参与表决（占全体业主的比例）</caption>
  <thead><tr><th scope="col"></th><th scope="col">人数</th><th scope="col">面积（m²）</th></tr></thead>
  <tbody>
    <tr><th scope="row">参与表决</th><td>${p.count}（${p.ballots} 票）</td><td>${p.area ?? '—'}</td></tr>
    <tr><th scope="row">全体业主</th><td>${e?.count ?? '—'}</td><td>${e?.area ?? '—'}</td></tr>
    <tr><th scope="row">占比</th><td>${p.shares?.count ?? '—'}</td><td>${p.shares?.area ?? '—'}</td></tr>
  </tbody>
</table>
${verdict}
<ul class="reasons">${tally.reasons.map((r) => `<li>${escapeHtml(r)}</li>`).join('')}</ul>`;
}

export async function renderNotice(input: NoticeInput): Promise<string> {
  const { view, head } = input;
  const def = view.ballot;
  const boxUrl = noticeBoxUrl(input.publicUrl, view.slug);
  const qr = await QRCode.toString(boxUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
  const rule = def ? (RULE_TEXT[def.rule.preset] ?? def.rule.preset) : '';
  const headText = head
    ? `第 ${head.seq} 票后的链头：<code class="hash">${escapeHtml(head.chainHash)}</code>`
    : '投票箱中尚无选票。';
  const mode =
    input.ballotBox === 'public'
      ? '公开投票箱列出每张选票的选项与权重（不含投票人身份与时间），任何人均可重新计票。'
      : '投票箱只列出序号与哈希，不公开每张选票的内容；居民可凭回执核对自己的选票，计票由审计核验。';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${view.title} · 结果公示`)}</title>
<style>
  @page { size: A4; margin: 15mm; }
  * { box-sizing: border-box; }
  body { margin: 0 auto; max-width: 180mm; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; color: #000; font-size: 11pt; line-height: 1.5; }
  h1 { font-size: 20pt; text-align: center; margin: 0 0 2mm; }
  .sub { text-align: center; margin: 0 0 6mm; }
  table { width: 100%; border-collapse: collapse; margin: 3mm 0; }
  caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
  th, td { border: 1px solid #444; padding: 1.5mm 2mm; text-align: right; }
  th[scope="row"], thead th:first-child { text-align: left; }
  .verdict { font-size: 14pt; }
  .reasons { font-size: 10pt; padding-left: 5mm; }
  .chain { display: flex; gap: 5mm; align-items: center; border-top: 1px solid #000; margin-top: 6mm; padding-top: 4mm; }
  .chain .qr { width: 32mm; height: 32mm; flex: none; }
  .chain .qr svg { width: 100%; height: 100%; }
  .hash { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 9pt; word-break: break-all; }
  .small { font-size: 9pt; color: #333; }
</style>
</head>
<body>
<h1>${escapeHtml(view.title)} · 结果公示</h1>
<p class="sub">${escapeHtml(view.community)}　公示时间：${escapeHtml(formatChineseDateTime(input.at))}（北京时间）</p>
<p><strong>表决事项：</strong>${escapeHtml(def?.question ?? view.title)}</p>
<p><strong>表决规则：</strong>${escapeHtml(rule)}</p>
${resultSection(input)}
<section class="chain">
  <div class="qr" role="img" aria-label="公开投票箱二维码">${qr}</div>
  <div>
    <p><strong>投票箱哈希链</strong>　${headText}</p>
    <p class="small">${mode}扫码或打开 <span class="hash">${escapeHtml(boxUrl)}</span> 查看；核验：<span class="hash">npx linli audit verify ${escapeHtml(view.slug)} --from ${escapeHtml(input.publicUrl)}${head ? ` --head ${escapeHtml(head.chainHash)}` : ''}</span></p>
  </div>
</section>
</body>
</html>
`;
}
