/**
 * The page a printed QR code opens: a resident votes with the one-time code in hand, on any phone or the
 * 居委会's old PC. Server-rendered, no script, large type, native form controls (keyboard and screen readers work
 * without help), every user-supplied text escaped.
 */

import type { ConsultationView } from '@linli/core';
import {
  API_PREFIX,
  escapeHtml,
  formatChineseDateTime,
  isBinding,
  NON_BINDING_NOTICE,
  PHASE_LABELS,
  type Receipt,
} from '@linli/core';

const STYLE = `
  :root { font-size: 20px; color: #111; background: #fff; }
  body { margin: 0 auto; max-width: 40rem; padding: 1rem; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; line-height: 1.6; }
  h1 { font-size: 1.6rem; line-height: 1.3; margin: 0.5rem 0; }
  fieldset { border: 2px solid #555; border-radius: 0.5rem; padding: 0.75rem 1rem; margin: 1rem 0; }
  legend { font-weight: bold; padding: 0 0.25rem; }
  code.secret { display: block; user-select: all; -webkit-user-select: all; overflow-wrap: anywhere; padding: 0.5rem; border: 2px dashed #555; border-radius: 0.5rem; background: #f4f4f4; }
  code.secret:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
  .hint { font-size: 0.9rem; color: #333; margin: 0.25rem 0; }
  .secret-why { border-left: 4px solid #0b57d0; padding-left: 0.75rem; margin: 0.5rem 0 1rem; }
  label.choice { display: flex; gap: 0.75rem; align-items: center; padding: 0.6rem 0.25rem; min-height: 2.75rem; cursor: pointer; }
  input[type=radio], input[type=checkbox] { width: 1.6rem; height: 1.6rem; flex: none; }
  input[type=text], input[type=number], select { font-size: 1.2rem; padding: 0.4rem; border: 2px solid #555; border-radius: 0.3rem; }
  input[name=code] { letter-spacing: 0.1em; text-transform: uppercase; width: 12rem; }
  button { font-size: 1.3rem; padding: 0.7rem 2rem; border-radius: 0.5rem; border: 0; background: #b3261e; color: #fff; cursor: pointer; }
  :focus-visible { outline: 4px solid #1a56db; outline-offset: 2px; }
  .notice { background: #fff4ce; border-left: 6px solid #b7791f; padding: 0.6rem 0.8rem; }
  .error { background: #fde8e8; border-left: 6px solid #b3261e; padding: 0.6rem 0.8rem; }
  .ok { background: #e6f4ea; border-left: 6px solid #1e7e34; padding: 0.6rem 0.8rem; }
  .meta { color: #444; font-size: 0.9rem; }
  code { word-break: break-all; font-size: 0.85rem; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 0.25rem 1rem; }
  dd { margin: 0; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

export interface VoteFormState {
  code?: string;
  /** Replays the same receipt when the form is sent twice (double tap, reload). */
  nonce: string;
  error?: string;
  chosen?: string[];
}

function optionsFieldset(view: ConsultationView, chosen: ReadonlySet<string>): string {
  const ballot = view.ballot!;
  const question = escapeHtml(ballot.question ?? view.title);
  if (ballot.method === 'ranked') {
    const ranks = ballot.options.map((_, i) => i + 1);
    const rows = ballot.options
      .map((o) => {
        const choices = ranks.map((r) => `<option value="${r}">第 ${r} 选择</option>`).join('');
        return `<label class="choice">${escapeHtml(o.label)}
  <select name="rank:${escapeHtml(o.id)}"><option value="">不排序</option>${choices}</select></label>`;
      })
      .join('\n');
    return `<fieldset><legend>${question}（按意愿排序）</legend>\n${rows}\n</fieldset>`;
  }
  if (ballot.method === 'budget') {
    const rows = ballot.options
      .map(
        (o) => `<label class="choice">${escapeHtml(o.label)}
  <input type="number" name="points:${escapeHtml(o.id)}" min="0" max="${ballot.budget ?? 100}" value="0" inputmode="numeric"></label>`,
      )
      .join('\n');
    return `<fieldset><legend>${question}（共 ${ballot.budget ?? 100} 分，分配给您支持的项目）</legend>\n${rows}\n</fieldset>`;
  }
  const type = ballot.method === 'multiple' ? 'checkbox' : 'radio';
  const hint =
    ballot.method === 'multiple' ? (ballot.maxChoices ? `（最多选 ${ballot.maxChoices} 项）` : '（可多选）') : '';
  const rows = ballot.options
    .map(
      (o) =>
        `<label class="choice"><input type="${type}" name="choice" value="${escapeHtml(o.id)}"${chosen.has(o.id) ? ' checked' : ''}${type === 'radio' ? ' required' : ''}> ${escapeHtml(o.label)}</label>`,
    )
    .join('\n');
  return `<fieldset><legend>${question}${hint}</legend>\n${rows}\n</fieldset>`;
}

export function votePage(view: ConsultationView, state: VoteFormState): string {
  const ballot = view.ballot;
  const header = `<h1>${escapeHtml(view.title)}</h1>
<p class="meta">${escapeHtml(view.community)} · 当前阶段：${PHASE_LABELS[view.phase]['zh-CN']}</p>
${view.summary ? `<p>${escapeHtml(view.summary)}</p>` : ''}`;
  if (!ballot) return page(view.title, `${header}<p class="notice">本事项没有投票。</p>`);
  if (!view.votingOpen) {
    return page(view.title, `${header}<p class="notice" role="status">现在不在投票时间内。</p>`);
  }
  if (ballot.eligibility === 'signed') {
    return page(view.title, `${header}<p class="notice">本投票请在小区网站登录后进行。</p>`);
  }
  const error = state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : '';
  const nonBinding = !isBinding(ballot) ? `<p class="notice">${escapeHtml(NON_BINDING_NOTICE)}</p>` : '';
  const closes = ballot.closesAt
    ? `<p class="meta">投票截止：${formatChineseDateTime(ballot.closesAt)}（北京时间）</p>`
    : '';
  // What the resident will see of the count: a secret (receipts) ballot is counted only at the close (see core's
  // defaultResultsVisibility), and the page says so before they vote.
  const results =
    ballot.resultsVisibility === 'after_close'
      ? `<p class="meta results">${ballot.ballotBox === 'receipts' ? '无记名投票：为保护每户的选择，结果在投票结束后公布。' : '结果在投票结束后公布。'}</p>`
      : '';
  const code =
    ballot.eligibility === 'code'
      ? `<p><label>投票码（见居委会发放的投票卡）<br><input type="text" name="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" value="${escapeHtml(state.code ?? '')}" aria-describedby="code-help"></label></p>
<p id="code-help" class="meta">每户一个投票码，只能使用一次。</p>`
      : '';
  const form = `<form method="post" accept-charset="utf-8">
${optionsFieldset(view, new Set(state.chosen ?? []))}
${code}
<input type="hidden" name="nonce" value="${escapeHtml(state.nonce)}">
<p><button type="submit">提交投票</button></p>
</form>`;
  return page(view.title, `${header}${nonBinding}${closes}${results}${error}${form}`);
}

export function receiptPage(view: ConsultationView, receipt: Receipt, replayed: boolean): string {
  const body = `<h1>${escapeHtml(view.title)}</h1>
<p class="ok" role="status">${replayed ? '您的投票此前已经收到，以下是同一张回执。' : '投票成功，已安全保存。'}</p>
<h2>投票回执</h2>
<dl>
  <dt>回执编号</dt><dd><code>${escapeHtml(receipt.receiptId)}</code></dd>
  <dt>票箱序号</dt><dd>第 ${receipt.seq} 张</dd>
  <dt>时间</dt><dd>${formatChineseDateTime(receipt.at)}</dd>
  <dt>选票摘要</dt><dd><code>${escapeHtml(receipt.ballotHash)}</code></dd>
  <dt>链哈希</dt><dd><code>${escapeHtml(receipt.chainHash)}</code></dd>
${receipt.secret ? secretRow(receipt.secret) : '</dl>'}
<p>请截图或抄下回执编号。任何人都可以在<a href="${API_PREFIX}/consultations/${encodeURIComponent(view.slug)}/ballot-box">公开票箱</a>中核对这张选票，
或在 <a href="${API_PREFIX}/receipts/${encodeURIComponent(receipt.receiptId)}">回执查询</a> 中查看。</p>`;
  return page(`${view.title} · 投票回执`, body);
}

/**
 * A `receipts` box publishes only hashes, each committing with this secret: without it the voter cannot recompute
 * their own ballot hash, so the page shows it with the receipt, selectable in one tap (the page runs no script, so
 * no copy button: user-select: all does the selecting), and says why to keep it and not to show it.
 */
function secretRow(secret: string): string {
  return `  <dt id="secret-label">回执密钥 <span lang="en">Receipt secret</span></dt>
  <dd><code class="secret" tabindex="0" aria-labelledby="secret-label">${escapeHtml(secret)}</code></dd>
</dl>
<div class="secret-why">
  <p class="hint">点一下即可选中整串回执密钥，再复制保存。核对自己的选票时需要这串密钥：票箱只公开选票摘要，摘要由您的选择和这串密钥算出。请与回执编号一起保存，不要给别人看（有了它，别人能试出您投了什么）。</p>
  <p class="hint" lang="en">Tap once to select the whole receipt secret, then copy it. You need it to check your own ballot: the box shows only a hash, made from your choice and this secret. Keep it with your receipt id and show it to nobody (with it, others could test what you voted).</p>
</div>
`;
}

export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p class="notice" role="status">${escapeHtml(message)}</p>`);
}
