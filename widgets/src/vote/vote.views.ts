/**
 * The ballot's steps as <linli-vote> draws them: closed, the form with its choices, the confirmation and the
 * receipt. Each view is pure of the state it is handed; the element owns that state and the handlers, so what a
 * resident can do lives in vote.ts and what they see here.
 */

import { isBinding } from '@linli/core/models/ballot-rules';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsultationView, SavedReceipt, TallyView } from '../client/api';
import type { LinliError } from '../client/http';
import { formatDate, type Lang, type Messages } from '../client/messages';
import type { Verdict } from '../client/verify';
import { budgetLeft } from './vote.logic';
import { optionLabel, renderResults } from './vote.results';

/** What the resident has chosen and typed so far, and what was wrong with it. */
export interface Choice {
  chosen: string[];
  ranking: string[];
  allocation: Record<string, number>;
  code: string;
  /** '' or the field that stopped the form: code, choice, token, limit, budget. */
  fieldError: string;
  failure: LinliError | null;
}

/** The element's handlers the form calls. */
export interface FormActions {
  next: (e: SubmitEvent) => void;
  code: (value: string) => void;
  choose: (id: string, input: HTMLInputElement) => void;
  points: (id: string, value: number) => void;
  move: (index: number, delta: number, direction: 'up' | 'down') => void;
  rankKey: (e: KeyboardEvent, index: number) => void;
}

export function renderClosed(m: Messages, lang: Lang, view: ConsultationView): TemplateResult {
  const window = view.schedule?.voting;
  const opens = view.ballot?.opensAt ?? window?.start;
  const closes = view.ballot?.closesAt ?? window?.end;
  return html`<div class="closed">
      <p><strong>${m.notOpen}</strong></p>
      ${opens ? html`<p>${m.opens(formatDate(opens, lang))}</p>` : nothing}
      ${closes ? html`<p>${m.closes(formatDate(closes, lang))}</p>` : nothing}
    </div>`;
}

export function renderForm(
  m: Messages,
  lang: Lang,
  view: ConsultationView,
  choice: Choice,
  on: FormActions,
): TemplateResult {
  const ballot = view.ballot!;
  const legend =
    ballot.method === 'multiple'
      ? ballot.maxChoices
        ? m.chooseUpTo(ballot.maxChoices)
        : m.chooseAny
      : ballot.method === 'ranked'
        ? m.rankHint
        : ballot.method === 'budget'
          ? m.budgetHint(ballot.budget ?? 0)
          : m.chooseOne;
  return html`<form novalidate @submit=${on.next}>
      <fieldset>
        <legend class="legend">${legend}</legend>
        ${renderChoices(m, view, choice, on)}
      </fieldset>
      ${
        ballot.eligibility === 'code'
          ? html`<label class="field" part="field"
            >${m.codeLabel}
            <input
              type="text"
              name="code"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck="false"
              .value=${choice.code}
              aria-describedby="code-hint"
              aria-invalid=${choice.fieldError === 'code' ? 'true' : 'false'}
              @input=${(e: Event) => on.code((e.target as HTMLInputElement).value)}
            />
            <span id="code-hint" class="muted">${m.codeHint}</span></label
          >`
          : nothing
      }
      ${
        choice.fieldError || choice.failure
          ? html`<p class="error" role="alert">${choice.fieldError ? fieldMessage(m, view, choice) : choice.failure?.text(lang)}</p>`
          : nothing
      }
      <div class="row"><button class="btn" part="button" type="submit">${m.next}</button></div>
    </form>`;
}

function fieldMessage(m: Messages, view: ConsultationView, choice: Choice): string {
  const { fieldError } = choice;
  if (fieldError === 'code') return m.codeInvalid;
  if (fieldError === 'choice') return m.needChoice;
  if (fieldError === 'token') return m.tokenMissing;
  if (fieldError === 'limit') return m.overLimit(view.ballot?.maxChoices ?? 0);
  if (fieldError === 'budget') return m.budgetOver(-budgetLeft(view.ballot?.budget ?? 0, choice.allocation));
  return fieldError;
}

function renderChoices(m: Messages, view: ConsultationView, choice: Choice, on: FormActions): TemplateResult {
  const ballot = view.ballot!;
  const label = (id: string) => optionLabel(m, view, id);
  if (ballot.method === 'ranked') {
    const { ranking } = choice;
    return html`<ol class="ranked">
        ${ranking.map(
          (id, i) => html`<li class="option rank" part="option" data-id=${id}>
            <span class="pos" aria-hidden="true">${i + 1}</span>
            <span class="text" id=${`rank-${id}`}>${label(id)}</span>
            <button type="button" class="btn small secondary" data-move="up" data-id=${id}
              aria-label=${m.moveUp(label(id))} ?disabled=${i === 0} @click=${() => on.move(i, -1, 'up')}
              @keydown=${(e: KeyboardEvent) => on.rankKey(e, i)}>↑</button>
            <button type="button" class="btn small secondary" data-move="down" data-id=${id}
              aria-label=${m.moveDown(label(id))} ?disabled=${i === ranking.length - 1}
              @click=${() => on.move(i, 1, 'down')} @keydown=${(e: KeyboardEvent) => on.rankKey(e, i)}>↓</button>
          </li>`,
        )}
      </ol>`;
  }
  if (ballot.method === 'budget') {
    const total = ballot.budget ?? 0;
    const left = budgetLeft(total, choice.allocation);
    return html`<ul class="budget">
          ${ballot.options.map(
            (o) => html`<li class="option points" part="option">
              <label
                ><span class="text">${o.label}</span>
                ${o.cost !== undefined ? html`<span class="muted"> · ${m.costYuan(String(o.cost))}</span>` : nothing}
                <input type="number" min="0" max=${total} step="1" inputmode="numeric" .value=${String(choice.allocation[o.id] ?? 0)}
                  @input=${(e: Event) => on.points(o.id, (e.target as HTMLInputElement).valueAsNumber)} />
              </label>
            </li>`,
          )}
        </ul>
        <p class="left ${left < 0 ? 'error' : ''}" aria-live="polite">${left < 0 ? m.budgetOver(-left) : m.budgetLeft(left)}</p>`;
  }
  const multiple = ballot.method === 'multiple';
  return html`<ul class="choices">
      ${ballot.options.map((o) => {
        const checked = choice.chosen.includes(o.id);
        return html`<li>
          <label class="option ${checked ? 'checked' : ''}" part="option">
            <input type=${multiple ? 'checkbox' : 'radio'} name="choice" value=${o.id} .checked=${checked}
              @change=${(e: Event) => on.choose(o.id, e.target as HTMLInputElement)} />
            <span class="text">${label(o.id)}</span>
            ${o.cost !== undefined ? html`<span class="muted">${m.costYuan(String(o.cost))}</span>` : nothing}
          </label>
        </li>`;
      })}
    </ul>`;
}

/** The choice in words, as the confirmation repeats it. */
function choiceSummary(m: Messages, lang: Lang, view: ConsultationView, choice: Choice): string {
  const ballot = view.ballot!;
  const label = (id: string) => optionLabel(m, view, id);
  const sep = lang === 'en' ? ', ' : '、';
  if (ballot.method === 'ranked') return choice.ranking.map((id, i) => `${i + 1}. ${label(id)}`).join(sep);
  if (ballot.method === 'budget') {
    return ballot.options
      .filter((o) => (choice.allocation[o.id] ?? 0) > 0)
      .map((o) => `${o.label} ${choice.allocation[o.id]} ${m.points}`)
      .join(sep);
  }
  return choice.chosen.map(label).join(sep);
}

export function renderConfirm(
  m: Messages,
  lang: Lang,
  view: ConsultationView,
  choice: Choice,
  sending: boolean,
  on: { cast: () => void; back: () => void },
): TemplateResult {
  return html`<div class="confirm" role="group" aria-labelledby="confirm-title">
      <h3 id="confirm-title">${m.confirmTitle}</h3>
      <p class="choice-summary">${m.youChose}<strong>${choiceSummary(m, lang, view, choice)}</strong></p>
      ${choice.failure ? html`<p class="error" role="alert">${choice.failure.text(lang)}</p>` : nothing}
      <div class="row">
        <button class="btn" part="button" ?disabled=${sending} @click=${on.cast}>
          ${sending ? m.casting : m.confirmCast}
        </button>
        <button class="btn secondary" part="button" ?disabled=${sending} @click=${on.back}>${m.back}</button>
      </div>
    </div>`;
}

/** The matter: its question and phase, the ballot's part (`body`), the live announcements and the results. */
export function renderMatter(
  m: Messages,
  lang: Lang,
  view: ConsultationView,
  body: TemplateResult,
  announce: string,
  tally: TallyView | null,
): TemplateResult {
  return html`<div class="w" lang=${lang}>
    <h2>${view.ballot?.question || view.title}</h2>
    ${view.ballot?.question ? html`<p class="muted">${view.title}</p>` : nothing}
    <p class="phase"><span class="badge">${m.phaseLabel}${m[`phase_${view.phase}`]}</span>
      ${view.ballot && !isBinding(view.ballot) ? html`<span class="badge notice">${m.openPoll}</span>` : nothing}</p>
    ${body}
    <p class="sr" role="status" aria-live="polite">${announce}</p>
    ${renderResults(m, view, tally)}
  </div>`;
}

/**
 * The widget before it has a matter to show: set up wrong (no server or consultation), its first read failed (with a
 * retry), or still loading (a skeleton whose height the element reserves).
 */
export function renderUnready(
  m: Messages,
  lang: Lang,
  state: 'config' | 'loading' | LinliError,
  retry?: () => void,
): TemplateResult {
  if (state === 'config') return html`<div class="w" lang=${lang}><p class="error">${m.errConfig}</p></div>`;
  if (state === 'loading')
    return html`<div class="w loading" lang=${lang} aria-busy="true">
      <p class="muted">${m.loading}</p>
      <span class="skeleton" style="width:70%"></span><span class="skeleton"></span><span class="skeleton"></span>
    </div>`;
  return html`<div class="w" lang=${lang}>
    <p class="error" role="alert">${state.text(lang)}</p>
    <button class="btn" part="button" @click=${retry}>${m.retry}</button>
  </div>`;
}

/** A ballot the outbox holds until the server can be reached again, with the last failure if any. */
export function renderQueued(m: Messages, lang: Lang, failure: LinliError | null): TemplateResult {
  return html`<div class="queued" part="receipt">
    <p><strong>${m.queued}</strong></p>
    ${failure ? html`<p class="error">${failure.text(lang)}</p>` : nothing}
  </div>`;
}

/** The receipt: its id and secret (each with a copy button), where to check it, and what the check found. */
export function renderReceipt(
  m: Messages,
  receipt: SavedReceipt,
  shown: { boxUrl: string; copied: 'id' | 'secret' | ''; inBox: Verdict | null },
  copy: (what: 'id' | 'secret') => void,
): TemplateResult {
  const copyButton = (what: 'id' | 'secret', name: string) =>
    html`<button class="btn small secondary" part="button" aria-label=${`${m.copy} ${name}`}
        @click=${() => copy(what)}>${shown.copied === what ? m.copied : m.copy}</button>`;
  const { inBox } = shown;
  const found = inBox === 'verified' || inBox === 'linked';
  return html`<div class="receipt" part="receipt">
      <p class="ok">${m.receiptTitle}</p>
      <dl>
        <dt>${m.receiptId}</dt>
        <dd><code class="receipt-id">${receipt.receiptId}</code> ${copyButton('id', m.receiptId)}</dd>
        ${
          receipt.secret
            ? html`<dt>${m.receiptSecret}</dt>
              <dd><code class="receipt-secret">${receipt.secret}</code> ${copyButton('secret', m.receiptSecret)}
                <p class="muted secret-why">${m.receiptSecretWhy}</p></dd>`
            : nothing
        }
      </dl>
      <p><a href=${shown.boxUrl} target="_blank" rel="noopener">${m.checkBox}</a></p>
      <p class=${found ? 'ok in-box' : inBox === 'mismatch' ? 'error' : 'muted'} aria-live="polite">${
        found
          ? `✓ ${m.inBox}${inBox === 'verified' ? m.inBoxVerified : ''}`
          : inBox === 'mismatch'
            ? m.notInBox
            : m.notInBoxYet
      }</p>
    </div>`;
}
