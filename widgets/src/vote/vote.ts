import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import {
  ballotBoxUrl,
  ballotOutbox,
  type ConsultationView,
  castBallot,
  getTally,
  rememberHeight,
  type SavedReceipt,
  savedReceipt,
  saveReceipt,
  type TallyView,
  voteData,
} from '../client/api';
import { adoptHeightRules, heightOnceLaidOut, rememberedHeightRules } from '../client/heights';
import { LinliError, randomId } from '../client/http';
import { langOf, messages } from '../client/messages';
import type { QueueEvent } from '../client/queue';
import type { Verdict } from '../client/verify';
import { ballotBody, ballotError, formProblem } from './vote.cast';
import { findInBox, followLive } from './vote.live';
import { clampPoints, codeFromUrl, move, toggle } from './vote.logic';
import { optionLabel } from './vote.results';
import { styles } from './vote.styles';
import {
  type Choice,
  type FormActions,
  renderClosed,
  renderConfirm,
  renderForm,
  renderMatter,
  renderQueued,
  renderReceipt,
  renderUnready,
} from './vote.views';

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
  // The views' handlers, made once so that lit keeps the same listeners from one render to the next.
  private readonly formActions: FormActions = {
    next: (e) => void this.onNext(e),
    code: (value) => (this.code = value),
    choose: (id, input) => this.onChoose(id, input),
    points: (id, value) => this.onPoints(id, value),
    move: (index, delta, direction) => void this.onMove(index, delta, direction),
    rankKey: (e, index) => this.onRankKey(e, index),
  };
  private readonly confirmActions = { cast: () => void this.onCast(), back: () => this.onBack() };
  private readonly retry = () => void this.load();

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
    // Once, the height of the first complete render: what the skeleton reserves next time.
    if (!this.view || this.heightSaved || typeof ResizeObserver === 'undefined') return;
    const w = this.renderRoot.querySelector('.w');
    if (!w) return;
    this.heightSaved = true;
    const { server, consultation } = this;
    heightOnceLaidOut(w, (h) => rememberHeight(server, consultation, innerWidth, h));
  }

  /**
   * The heights this browser saw for the matter (client/api.ts), as a stylesheet the skeleton takes at the widths
   * they were seen at: on a page the resident has seen before, a bare tag keeps its final height from the first frame.
   */
  private reserveSeenHeight(): void {
    const { server, consultation } = this;
    this.seenSheet = adoptHeightRules(this.renderRoot as ShadowRoot, this.seenSheet, () =>
      rememberedHeightRules(server, consultation, '.w.loading', 'var(--linli-min-height, 560px)'),
    );
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
    const outbox = ballotOutbox();
    this.cleanup.push(
      ...followLive(server, consultation, outbox, {
        tally: (tally) => (this.tally = tally),
        phase: () => this.view?.phase,
        view: (view) => (this.view = view),
        queue: (event) => this.onQueue(event),
      }),
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
    if (!this.server || !this.consultation) return renderUnready(m, lang, 'config');
    if (this.failure && !this.view) return renderUnready(m, lang, this.failure, this.retry);
    const view = this.view;
    // Its height: --linli-min-height, or what this browser saw for the matter at this width (reserveSeenHeight).
    if (!view) return renderUnready(m, lang, 'loading');
    const body = view.ballot ? this.renderBody(view) : html`<p>${m.noBallot}</p>`;
    return renderMatter(m, lang, view, body, this.announce, this.tally);
  }

  private renderBody(view: ConsultationView): TemplateResult {
    const m = this.m;
    const lang = langOf(this.lang);
    if (this.step === 'receipt' && this.receipt) {
      const { receipt, copied, inBox } = this;
      const boxUrl = ballotBoxUrl(this.server, this.consultation, receipt.seq);
      return renderReceipt(m, receipt, { boxUrl, copied, inBox }, (what) => void this.onCopy(what));
    }
    if (this.step === 'queued') return renderQueued(m, lang, this.failure);
    if (!view.votingOpen) return renderClosed(m, lang, view);
    if (this.step === 'confirm' || this.step === 'sending') {
      return renderConfirm(m, lang, view, this.choice, this.step === 'sending', this.confirmActions);
    }
    return renderForm(m, lang, view, this.choice, this.formActions);
  }

  /** The state the views draw the form and the confirmation from. */
  private get choice(): Choice {
    const { chosen, ranking, allocation, code, fieldError, failure } = this;
    return { chosen, ranking, allocation, code, fieldError, failure };
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
    this.fieldError = formProblem(ballot, this.choice);
    if (!this.fieldError) {
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

  private async onCast(): Promise<void> {
    const { server, consultation } = this;
    const body = await ballotBody(this.view!.ballot!, this.choice, this);
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
      this.fail(error instanceof LinliError ? ballotError(error) : error);
    }
  }

  private onQueue(event: QueueEvent): void {
    if (event.item.server !== this.server || event.item.consultation !== this.consultation) return;
    if (event.type === 'sending') this.announce = this.m.queuedSending;
    if (event.type === 'sent') this.cast(event.receipt as SavedReceipt);
    if (event.type === 'failed') {
      this.step = 'form';
      this.fail(ballotError(event.error));
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
    void findInBox(this.server, this.consultation, receipt, {
      shown: () => this.receipt === receipt,
      found: (verdict) => (this.inBox = verdict),
    });
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
