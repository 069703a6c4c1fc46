import { isBinding } from '@linli/core/models/ballot-rules';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  ballotBoxUrl,
  ballotOutbox,
  type ConsultationView,
  castBallot,
  getBallotBoxEntry,
  getConsultation,
  getTally,
  rememberHeight,
  type SavedReceipt,
  savedReceipt,
  saveReceipt,
  type TallyView,
  voteData,
  voterKey,
} from '../client/api';
import { rememberedHeightRules } from '../client/heights';
import { LinliError, randomId } from '../client/http';
import { formatDate, langOf, messages } from '../client/messages';
import type { BallotBody, QueueEvent } from '../client/queue';
import { sharedStream } from '../client/stream';
import { type Verdict, verifyReceipt } from '../client/verify';
import { budgetLeft, clampPoints, codeFromUrl, move, normalizeCode, toggle } from './vote.logic';
import { optionLabel, renderResults } from './vote.results';
import { styles } from './vote.styles';

type Step = 'form' | 'confirm' | 'sending' | 'queued' | 'receipt';

/**
 * A ballot for one consultation, embeddable on any site: the question and its phase, the eligibility step (open
 * poll, one-time code, or a token the host site signs), a confirmation naming the choice, the receipt (checked
 * against the public ballot box), and live results when they are visible.
 *
 * @fires linli-vote-cast - detail: {receipt} once the server has made the ballot durable (also for a queued one)
 * @fires linli-error - detail: {code, message} when loading or casting fails
 * @csspart option - one choice (label with its radio/checkbox, ranked row or points row)
 * @csspart button - the main buttons (next, confirm, back)
 * @csspart receipt - the receipt box
 * @csspart results - the results section
 * @csspart bar - one result bar
 * @csspart shortfall - the civil-code shortfall sentence
 * @cssproperty --linli-font-size - base type size (default 18px; never below 16px)
 * @cssproperty --linli-accent - buttons, selected options, bars (default #0b57d0)
 * @cssproperty --linli-min-height - height reserved before data arrives (default 560px)
 */
export class LinliVote extends LitElement {
  static override styles = styles;
  static override properties = {
    server: {},
    consultation: {},
    lang: { reflect: true },
    token: {},
    getToken: { attribute: false },
    view: { state: true },
    tally: { state: true },
    failure: { state: true },
    step: { state: true },
    chosen: { state: true },
    ranking: { state: true },
    allocation: { state: true },
    code: { state: true },
    fieldError: { state: true },
    receipt: { state: true },
    inBox: { state: true },
    announce: { state: true },
    copied: { state: true },
  };

  /** Base URL of the Linli server, e.g. https://linli.example.org. */
  server = '';
  /** The consultation's slug, e.g. elevator-3. */
  consultation = '';
  /** zh-CN (default) or en. */
  override lang = 'zh-CN';
  /** For `signed` eligibility: the JWT the host site issued for this resident. */
  token = '';
  /** For `signed` eligibility: called at cast time when no `token` is set. */
  getToken?: () => string | Promise<string>;

  private view: ConsultationView | null = null;
  private tally: TallyView | null = null;
  private failure: LinliError | null = null;
  private step: Step = 'form';
  private chosen: string[] = [];
  private ranking: string[] = [];
  private allocation: Record<string, number> = {};
  private code = '';
  private fieldError = '';
  private receipt: SavedReceipt | null = null;
  /** What the ballot-box check found: nothing yet, or a verdict of client/verify.ts. */
  private inBox: Verdict | null = null;
  private announce = '';
  /** Which value was just copied: the receipt id or the secret. */
  private copied: 'id' | 'secret' | '' = '';
  private idempotencyKey = '';
  private heightSaved = false;
  private seenSheet?: CSSStyleSheet;
  private cleanup: Array<() => void> = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.code = codeFromUrl(location.href);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const fn of this.cleanup.splice(0)) fn();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('consultation')) {
      this.reserveSeenHeight();
      void this.load();
    }
  }

  protected override updated(): void {
    // Once, the height of the first complete render: what the skeleton reserves next time. A ResizeObserver reads
    // it after the browser's own layout of the frame; reading it here would force an extra layout before the paint.
    if (!this.view || this.heightSaved || typeof ResizeObserver === 'undefined') return;
    const w = this.renderRoot.querySelector('.w');
    if (!w) return;
    this.heightSaved = true;
    const { server, consultation } = this;
    const watch = new ResizeObserver((entries) => {
      watch.disconnect();
      const h = entries[0]?.borderBoxSize?.[0]?.blockSize ?? 0;
      if (h > 0) rememberHeight(server, consultation, innerWidth, h);
    });
    watch.observe(w);
  }

  /**
   * The heights this browser saw for the matter (client/api.ts), as a stylesheet the skeleton takes at the widths
   * they were seen at: on a page the resident has seen before, a bare tag keeps its final height from the first frame.
   */
  private reserveSeenHeight(): void {
    const root = this.renderRoot as ShadowRoot;
    if (!root.adoptedStyleSheets || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return;
    const rules = rememberedHeightRules(this.server, this.consultation, '.w.loading', 'var(--linli-min-height, 560px)');
    const sheets = root.adoptedStyleSheets.filter((sheet) => sheet !== this.seenSheet);
    this.seenSheet = rules ? new CSSStyleSheet() : undefined;
    this.seenSheet?.replaceSync(rules);
    root.adoptedStyleSheets = this.seenSheet ? [...sheets, this.seenSheet] : sheets;
  }

  private get m() {
    return messages(this.lang);
  }

  private async load(): Promise<void> {
    for (const fn of this.cleanup.splice(0)) fn();
    if (!this.server || !this.consultation) return;
    const { server, consultation } = this;
    this.failure = null;
    // Subscribed before reading, so nothing committed between the read and the stream opening is missed.
    const stream = sharedStream(server);
    const outbox = ballotOutbox();
    this.cleanup.push(
      stream.subscribe(consultation, (type, data) => {
        if (type === 'tally') this.tally = data as TallyView;
        // The snapshot repeats the phase we already show: refetch only on a real change (dates, votingOpen).
        if (type === 'phase' && this.view && (data as { phase?: string }).phase !== this.view.phase)
          void getConsultation(server, consultation).then(
            (v) => (this.view = v),
            () => {},
          );
      }),
      stream.onOpen(() => void outbox.flush()),
      outbox.on((event) => this.onQueue(event)),
    );
    try {
      const [view, tally] = await voteData(server, consultation, this.lang);
      this.view = view;
      this.tally ??= tally;
      this.resetChoices(view);
    } catch (error) {
      this.fail(error);
      return;
    }
    const saved = savedReceipt(server, consultation);
    const queued = outbox.pending(server, consultation);
    if (saved) this.showReceipt(saved);
    else if (queued) {
      this.idempotencyKey = queued.key;
      this.step = 'queued';
    }
  }

  private resetChoices(view: ConsultationView): void {
    const ids = view.ballot?.options.map((o) => o.id) ?? [];
    if (this.ranking.join() !== ids.join()) this.ranking = ids;
    this.allocation = Object.fromEntries(ids.map((id) => [id, this.allocation[id] ?? 0]));
  }

  /** A refused ballot in a resident's words (the API's own message is written for developers). */
  private ballotError(error: LinliError): LinliError {
    const pick = (key: 'errCodeUsed' | 'errCodeWrong' | 'errVoted' | 'errClosed' | 'errTooMany') =>
      new LinliError(error.kind, error.code, messages('zh-CN')[key], messages('en')[key], error.status, error.fields);
    const code = 'code' in error.fields;
    if (error.code === 'conflict') return pick(code ? 'errCodeUsed' : 'errVoted');
    if (error.code === 'forbidden' && code) return pick('errCodeWrong');
    if (error.code === 'gone') return pick('errClosed');
    if (error.code === 'rate_limited') return pick('errTooMany');
    return error;
  }

  private fail(error: unknown): void {
    const failure =
      error instanceof LinliError ? error : new LinliError('client', 'widget', String(error), String(error));
    this.failure = failure;
    this.dispatchEvent(
      new CustomEvent('linli-error', {
        detail: { code: failure.code, message: failure.text(langOf(this.lang)) },
        bubbles: true,
        composed: true,
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------------------
  // render
  // -------------------------------------------------------------------------------------------------------------

  override render(): TemplateResult {
    const m = this.m;
    const lang = langOf(this.lang);
    if (!this.server || !this.consultation)
      return html`<div class="w" lang=${lang}><p class="error">${m.errConfig}</p></div>`;
    if (this.failure && !this.view) {
      return html`<div class="w" lang=${lang}>
        <p class="error" role="alert">${this.failure.text(lang)}</p>
        <button class="btn" part="button" @click=${() => void this.load()}>${m.retry}</button>
      </div>`;
    }
    const view = this.view;
    if (!view) {
      // Its height: --linli-min-height, or what this browser saw for the matter at this width (reserveSeenHeight).
      return html`<div class="w loading" lang=${lang} aria-busy="true">
        <p class="muted">${m.loading}</p>
        <span class="skeleton" style="width:70%"></span><span class="skeleton"></span><span class="skeleton"></span>
      </div>`;
    }
    return html`<div class="w" lang=${lang}>
      <h2>${view.ballot?.question || view.title}</h2>
      ${view.ballot?.question ? html`<p class="muted">${view.title}</p>` : nothing}
      <p class="phase"><span class="badge">${m.phaseLabel}${m[`phase_${view.phase}`]}</span>
        ${view.ballot && !isBinding(view.ballot) ? html`<span class="badge notice">${m.openPoll}</span>` : nothing}</p>
      ${view.ballot ? this.renderBody(view) : html`<p>${m.noBallot}</p>`}
      <p class="sr" role="status" aria-live="polite">${this.announce}</p>
      ${renderResults(m, view, this.tally)}
    </div>`;
  }

  private renderBody(view: ConsultationView): TemplateResult {
    const m = this.m;
    if (this.step === 'receipt' && this.receipt) return this.renderReceipt(this.receipt);
    if (this.step === 'queued') {
      return html`<div class="queued" part="receipt">
        <p><strong>${m.queued}</strong></p>
        ${this.failure ? html`<p class="error">${this.failure.text(langOf(this.lang))}</p>` : nothing}
      </div>`;
    }
    if (!view.votingOpen) return this.renderClosed(view);
    if (this.step === 'confirm' || this.step === 'sending') return this.renderConfirm(view);
    return this.renderForm(view);
  }

  private renderClosed(view: ConsultationView): TemplateResult {
    const m = this.m;
    const lang = langOf(this.lang);
    const window = view.schedule?.voting;
    const opens = view.ballot?.opensAt ?? window?.start;
    const closes = view.ballot?.closesAt ?? window?.end;
    return html`<div class="closed">
      <p><strong>${m.notOpen}</strong></p>
      ${opens ? html`<p>${m.opens(formatDate(opens, lang))}</p>` : nothing}
      ${closes ? html`<p>${m.closes(formatDate(closes, lang))}</p>` : nothing}
    </div>`;
  }

  private renderForm(view: ConsultationView): TemplateResult {
    const m = this.m;
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
    return html`<form novalidate @submit=${this.onNext}>
      <fieldset>
        <legend class="legend">${legend}</legend>
        ${this.renderChoices(view)}
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
              .value=${this.code}
              aria-describedby="code-hint"
              aria-invalid=${this.fieldError === 'code' ? 'true' : 'false'}
              @input=${(e: Event) => (this.code = (e.target as HTMLInputElement).value)}
            />
            <span id="code-hint" class="muted">${m.codeHint}</span></label
          >`
          : nothing
      }
      ${
        this.fieldError || this.failure
          ? html`<p class="error" role="alert">${this.fieldError ? this.fieldMessage() : this.failure?.text(langOf(this.lang))}</p>`
          : nothing
      }
      <div class="row"><button class="btn" part="button" type="submit">${m.next}</button></div>
    </form>`;
  }

  private fieldMessage(): string {
    const m = this.m;
    if (this.fieldError === 'code') return m.codeInvalid;
    if (this.fieldError === 'choice') return m.needChoice;
    if (this.fieldError === 'token') return m.tokenMissing;
    if (this.fieldError === 'limit') return m.overLimit(this.view?.ballot?.maxChoices ?? 0);
    if (this.fieldError === 'budget') return m.budgetOver(-budgetLeft(this.view?.ballot?.budget ?? 0, this.allocation));
    return this.fieldError;
  }

  private renderChoices(view: ConsultationView): TemplateResult {
    const m = this.m;
    const ballot = view.ballot!;
    const label = (id: string) => optionLabel(m, view, id);
    if (ballot.method === 'ranked') {
      return html`<ol class="ranked">
        ${this.ranking.map(
          (id, i) => html`<li class="option rank" part="option" data-id=${id}>
            <span class="pos" aria-hidden="true">${i + 1}</span>
            <span class="text" id=${`rank-${id}`}>${label(id)}</span>
            <button type="button" class="btn small secondary" data-move="up" data-id=${id}
              aria-label=${m.moveUp(label(id))} ?disabled=${i === 0} @click=${() => this.onMove(i, -1, 'up')}
              @keydown=${(e: KeyboardEvent) => this.onRankKey(e, i)}>↑</button>
            <button type="button" class="btn small secondary" data-move="down" data-id=${id}
              aria-label=${m.moveDown(label(id))} ?disabled=${i === this.ranking.length - 1}
              @click=${() => this.onMove(i, 1, 'down')} @keydown=${(e: KeyboardEvent) => this.onRankKey(e, i)}>↓</button>
          </li>`,
        )}
      </ol>`;
    }
    if (ballot.method === 'budget') {
      const total = ballot.budget ?? 0;
      const left = budgetLeft(total, this.allocation);
      return html`<ul class="budget">
          ${ballot.options.map(
            (o) => html`<li class="option points" part="option">
              <label
                ><span class="text">${o.label}</span>
                ${o.cost !== undefined ? html`<span class="muted"> · ${m.costYuan(String(o.cost))}</span>` : nothing}
                <input type="number" min="0" max=${total} step="1" inputmode="numeric" .value=${String(this.allocation[o.id] ?? 0)}
                  @input=${(e: Event) => this.onPoints(o.id, (e.target as HTMLInputElement).valueAsNumber)} />
              </label>
            </li>`,
          )}
        </ul>
        <p class="left ${left < 0 ? 'error' : ''}" aria-live="polite">${left < 0 ? m.budgetOver(-left) : m.budgetLeft(left)}</p>`;
    }
    const multiple = ballot.method === 'multiple';
    return html`<ul class="choices">
      ${ballot.options.map((o) => {
        const checked = this.chosen.includes(o.id);
        return html`<li>
          <label class="option ${checked ? 'checked' : ''}" part="option">
            <input type=${multiple ? 'checkbox' : 'radio'} name="choice" value=${o.id} .checked=${checked}
              @change=${(e: Event) => this.onChoose(o.id, e.target as HTMLInputElement)} />
            <span class="text">${label(o.id)}</span>
            ${o.cost !== undefined ? html`<span class="muted">${m.costYuan(String(o.cost))}</span>` : nothing}
          </label>
        </li>`;
      })}
    </ul>`;
  }

  private choiceSummary(view: ConsultationView): string {
    const ballot = view.ballot!;
    const label = (id: string) => optionLabel(this.m, view, id);
    const sep = langOf(this.lang) === 'en' ? ', ' : '、';
    if (ballot.method === 'ranked') return this.ranking.map((id, i) => `${i + 1}. ${label(id)}`).join(sep);
    if (ballot.method === 'budget') {
      return ballot.options
        .filter((o) => (this.allocation[o.id] ?? 0) > 0)
        .map((o) => `${o.label} ${this.allocation[o.id]} ${this.m.points}`)
        .join(sep);
    }
    return this.chosen.map(label).join(sep);
  }

  private renderConfirm(view: ConsultationView): TemplateResult {
    const m = this.m;
    const sending = this.step === 'sending';
    return html`<div class="confirm" role="group" aria-labelledby="confirm-title">
      <h3 id="confirm-title">${m.confirmTitle}</h3>
      <p class="choice-summary">${m.youChose}<strong>${this.choiceSummary(view)}</strong></p>
      ${this.failure ? html`<p class="error" role="alert">${this.failure.text(langOf(this.lang))}</p>` : nothing}
      <div class="row">
        <button class="btn" part="button" ?disabled=${sending} @click=${this.onCast}>
          ${sending ? m.casting : m.confirmCast}
        </button>
        <button class="btn secondary" part="button" ?disabled=${sending} @click=${this.onBack}>${m.back}</button>
      </div>
    </div>`;
  }

  private renderReceipt(receipt: SavedReceipt): TemplateResult {
    const m = this.m;
    const copy = (what: 'id' | 'secret', name: string) =>
      html`<button class="btn small secondary" part="button" aria-label=${`${m.copy} ${name}`}
        @click=${() => this.onCopy(what)}>${this.copied === what ? m.copied : m.copy}</button>`;
    const found = this.inBox === 'verified' || this.inBox === 'linked';
    return html`<div class="receipt" part="receipt">
      <p class="ok">${m.receiptTitle}</p>
      <dl>
        <dt>${m.receiptId}</dt>
        <dd><code class="receipt-id">${receipt.receiptId}</code> ${copy('id', m.receiptId)}</dd>
        ${
          receipt.secret
            ? html`<dt>${m.receiptSecret}</dt>
              <dd><code class="receipt-secret">${receipt.secret}</code> ${copy('secret', m.receiptSecret)}
                <p class="muted secret-why">${m.receiptSecretWhy}</p></dd>`
            : nothing
        }
      </dl>
      <p><a href=${ballotBoxUrl(this.server, this.consultation, receipt.seq)} target="_blank" rel="noopener">${m.checkBox}</a></p>
      <p class=${found ? 'ok in-box' : this.inBox === 'mismatch' ? 'error' : 'muted'} aria-live="polite">${
        found
          ? `✓ ${m.inBox}${this.inBox === 'verified' ? m.inBoxVerified : ''}`
          : this.inBox === 'mismatch'
            ? m.notInBox
            : m.notInBoxYet
      }</p>
    </div>`;
  }

  // -------------------------------------------------------------------------------------------------------------
  // handlers
  // -------------------------------------------------------------------------------------------------------------

  /**
   * A choice over a `multiple` ballot's limit is refused with a message, not prevented by disabling the other
   * boxes: a disabled box is skipped by Tab and says nothing about why it cannot be ticked.
   */
  private onChoose(id: string, input: HTMLInputElement): void {
    const ballot = this.view?.ballot;
    if (!ballot) return;
    const max = ballot.method === 'multiple' ? ballot.maxChoices : undefined;
    if (max !== undefined && !this.chosen.includes(id) && this.chosen.length >= max) {
      input.checked = false;
      this.fieldError = 'limit';
      return;
    }
    this.chosen = ballot.method === 'multiple' ? toggle(this.chosen, id, max) : [id];
    this.fieldError = '';
  }

  private onPoints(id: string, value: number): void {
    this.allocation = { ...this.allocation, [id]: clampPoints(value, this.view?.ballot?.budget ?? 0) };
    this.fieldError = '';
  }

  private async onMove(index: number, delta: number, direction: 'up' | 'down'): Promise<void> {
    const id = this.ranking[index]!;
    this.ranking = move(this.ranking, index, delta);
    const position = this.ranking.indexOf(id);
    this.announce = this.m.rankPosition(optionLabel(this.m, this.view!, id), position + 1, this.ranking.length);
    await this.updateComplete;
    // Keep the keyboard on the item that moved; at an end its button is disabled, so use the other one.
    const root = this.renderRoot as ShadowRoot;
    const other = direction === 'up' ? 'down' : 'up';
    const target =
      root.querySelector<HTMLButtonElement>(`button[data-id="${id}"][data-move="${direction}"]:not([disabled])`) ??
      root.querySelector<HTMLButtonElement>(`button[data-id="${id}"][data-move="${other}"]`);
    target?.focus();
  }

  private onRankKey(e: KeyboardEvent, index: number): void {
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      void this.onMove(index, e.key === 'ArrowUp' ? -1 : 1, e.key === 'ArrowUp' ? 'up' : 'down');
    }
  }

  private async onNext(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const ballot = this.view?.ballot;
    if (!ballot) return;
    this.failure = null;
    if (
      (ballot.method === 'yesno' || ballot.method === 'single' || ballot.method === 'multiple') &&
      !this.chosen.length
    ) {
      this.fieldError = 'choice';
    } else if (ballot.method === 'budget' && budgetLeft(ballot.budget ?? 0, this.allocation) < 0) {
      this.fieldError = 'budget';
    } else if (ballot.method === 'budget' && budgetLeft(ballot.budget ?? 0, this.allocation) === ballot.budget) {
      this.fieldError = 'choice';
    } else if (ballot.eligibility === 'code' && !normalizeCode(this.code)) {
      this.fieldError = 'code';
    } else {
      this.fieldError = '';
      this.idempotencyKey = randomId();
      this.step = 'confirm';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.confirm button')?.focus();
      return;
    }
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLElement>(this.fieldError === 'code' ? 'input[name=code]' : 'fieldset input, fieldset button')
      ?.focus();
  }

  private onBack(): void {
    this.step = 'form';
    this.failure = null;
  }

  private async ballotBody(): Promise<BallotBody | null> {
    const ballot = this.view!.ballot!;
    const body: BallotBody =
      ballot.method === 'budget'
        ? { allocation: Object.fromEntries(Object.entries(this.allocation).filter(([, n]) => n > 0)) }
        : { choices: ballot.method === 'ranked' ? [...this.ranking] : [...this.chosen] };
    if (ballot.eligibility === 'code') body.code = normalizeCode(this.code) ?? this.code;
    else if (ballot.eligibility === 'open') body.voterKey = voterKey(this.server);
    else {
      const token = this.token || (this.getToken ? await this.getToken() : '');
      if (!token) return null;
      body.token = token;
    }
    return body;
  }

  private async onCast(): Promise<void> {
    const { server, consultation } = this;
    const body = await this.ballotBody();
    if (!body) {
      this.step = 'form';
      this.fieldError = 'token';
      return;
    }
    this.step = 'sending';
    this.failure = null;
    try {
      const receipt = await castBallot(server, consultation, body, this.idempotencyKey);
      saveReceipt(server, consultation, receipt, body);
      this.cast({ ...receipt, mine: { choices: body.choices, allocation: body.allocation } });
    } catch (error) {
      if (error instanceof LinliError && error.retryable) {
        // The server may or may not have the ballot: queue it under the same key, so it counts once either way.
        ballotOutbox().enqueue({ key: this.idempotencyKey, server, consultation, body });
        this.step = 'queued';
        this.announce = this.m.queued;
        return;
      }
      this.step = 'confirm';
      this.fail(error instanceof LinliError ? this.ballotError(error) : error);
    }
  }

  private onQueue(event: QueueEvent): void {
    if (event.item.server !== this.server || event.item.consultation !== this.consultation) return;
    if (event.type === 'sending') this.announce = this.m.queuedSending;
    if (event.type === 'sent') this.cast(event.receipt as SavedReceipt);
    if (event.type === 'failed') {
      this.step = 'form';
      this.fail(this.ballotError(event.error));
      this.announce = this.m.queuedFailed(event.error.text(langOf(this.lang)));
    }
  }

  private cast(receipt: SavedReceipt): void {
    this.showReceipt(receipt);
    this.announce = this.m.receiptTitle;
    this.dispatchEvent(new CustomEvent('linli-vote-cast', { detail: { receipt }, bubbles: true, composed: true }));
    // Our own ballot should show in the tally at once, not a second later with the stream.
    void getTally(this.server, this.consultation, this.lang).then(
      (t) => (this.tally = t),
      () => {},
    );
  }

  private showReceipt(receipt: SavedReceipt): void {
    this.receipt = receipt;
    this.step = 'receipt';
    this.failure = null;
    this.inBox = null;
    void this.findInBox(receipt);
  }

  /**
   * Looks the receipt up in the public ballot box and checks it there (client/verify.ts): seq, hashes and the chain
   * link always; the ballot hash recomputed from this browser's choices (with the receipt's secret in a `receipts`
   * box) whenever the box publishes the weight it needs. A contradiction is shown, never "in the box".
   */
  private async findInBox(receipt: SavedReceipt, attempt = 0): Promise<void> {
    try {
      const box = await getBallotBoxEntry(this.server, this.consultation, receipt.seq);
      const entry = box.entries.find((e) => e.seq === receipt.seq);
      if (entry) {
        const verdict = await verifyReceipt(receipt, entry, receipt.mine);
        if (this.receipt === receipt) this.inBox = verdict;
        return;
      }
    } catch {
      // Unreachable for now: try again below.
    }
    if (attempt < 8 && this.receipt === receipt) setTimeout(() => void this.findInBox(receipt, attempt + 1), 1500);
  }

  private async onCopy(what: 'id' | 'secret'): Promise<void> {
    const text = what === 'id' ? this.receipt?.receiptId : this.receipt?.secret;
    if (!text) return;
    try {
      await navigator.clipboard.writeText(text);
      this.copied = what;
    } catch {
      // No clipboard permission (an embedding frame, an old browser): select the value so it can be copied by hand.
      const code = this.renderRoot.querySelector(what === 'id' ? '.receipt-id' : '.receipt-secret');
      if (code) getSelection()?.selectAllChildren(code);
    }
  }
}
