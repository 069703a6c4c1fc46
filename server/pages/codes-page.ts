/**
 * The browser way for 居委会 staff to print voting codes: a page they can open from a link (no Authorization header
 * needed to see it), which asks for the staff token and posts it back in the form. Opening the page changes nothing;
 * only submitting the form issues codes, and the answer is the printable sheet itself.
 */

import type { ConsultationView } from '@linli/core';
import { escapeHtml } from '@linli/core';

/** Like the sheet's CSP, but the form may post back to this server. */
export const CODES_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

const STYLE = `
  :root { font-size: 20px; color: #111; background: #fff; }
  body { margin: 0 auto; max-width: 40rem; padding: 1rem; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; line-height: 1.6; }
  h1 { font-size: 1.5rem; line-height: 1.3; }
  label { display: block; margin: 1rem 0 0.3rem; font-weight: bold; }
  input[type=password] { font-size: 1.1rem; padding: 0.4rem; border: 2px solid #555; border-radius: 0.3rem; width: 100%; }
  label.check { display: flex; gap: 0.75rem; align-items: center; font-weight: normal; }
  input[type=checkbox] { width: 1.6rem; height: 1.6rem; flex: none; }
  button { margin-top: 1.2rem; font-size: 1.3rem; padding: 0.7rem 2rem; border-radius: 0.5rem; border: 0; background: #1a56db; color: #fff; cursor: pointer; }
  :focus-visible { outline: 4px solid #b3261e; outline-offset: 2px; }
  .notice { background: #fff4ce; border-left: 6px solid #b7791f; padding: 0.6rem 0.8rem; }
  .error { background: #fde8e8; border-left: 6px solid #b3261e; padding: 0.6rem 0.8rem; }
  .meta { color: #444; font-size: 0.9rem; }
`;

export interface CodesFormState {
  error?: string;
  reissue?: boolean;
}

export function codesFormPage(view: Pick<ConsultationView, 'slug' | 'title' | 'community'>, state: CodesFormState) {
  const error = state.error ? `<p class="error" role="alert">${escapeHtml(state.error)}</p>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(`打印投票码 · ${view.title}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>打印投票码：${escapeHtml(view.title)}</h1>
<p class="meta">${escapeHtml(view.community)} · ${escapeHtml(view.slug)}</p>
<p class="notice">提交后，系统为还没有投票码的房号生成投票码，并显示可打印的投票卡（A4，每户一张，带二维码）。
投票码只显示这一次，系统中只保存其摘要，请当场打印。</p>
${error}
<form method="post" autocomplete="off">
<label for="token">工作人员令牌</label>
<input type="password" id="token" name="token" required autocomplete="off" spellcheck="false">
<label class="check"><input type="checkbox" name="reissue" value="1"${state.reissue ? ' checked' : ''}>
重新发放：为所有尚未投票的房号生成新码（旧码随即作废，用于投票卡遗失或需要重印时）</label>
<button type="submit">生成并打印投票卡</button>
</form>
</main>
</body>
</html>`;
}
