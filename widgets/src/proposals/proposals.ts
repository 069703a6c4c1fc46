import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import {
  type ConsultationView,
  claimProposal,
  getConsultation,
  hasSupported,
  listProposals,
  markSupported,
  type Proposal,
  submitProposal,
  supportProposal,
} from '../client/api';
import { LinliError } from '../client/http';
import { formatDate, langOf, messages } from '../client/messages';
import { sharedStream } from '../client/stream';
import { type Draft, draftProblems, LIMITS, mergeProposals, type Sort, sortProposals } from './proposals.logic';
import { styles } from './proposals.styles';

/**
 * Residents' proposals, or a 微心愿 board with `mode="wishes"`: the public list sorted by newest or most supported,
 * support once per browser, claim a wish, and a submission form with a message per field. Items waiting for
 * moderation or rejected are never shown.
 *
 * @fires linli-proposal-submitted - detail: {proposal} after the server stored a submission
 * @fires linli-error - detail: {code, message} when loading, supporting, claiming or submitting fails
 * @csspart item - one proposal or wish
 * @csspart button - support, claim, submit and sort buttons
 * @csspart form - the submission form
 * @cssproperty --linli-font-size - base type size (default 18px; never below 16px)
 * @cssproperty --linli-accent - buttons and highlights (default #0b57d0)
 * @cssproperty --linli-min-height - height reserved before data arrives (default 480px)
 */
export class LinliProposals extends LitElement {
  static override styles = styles;
  static override properties = {
    server: {},
    consultation: {},
    lang: { reflect: true },
    mode: { reflect: true },
    view: { state: true },
    items: { state: true },
    failure: { state: true },
    sort: { state: true },
    draft: { state: true },
    problems: { state: true },
    notice: { state: true },
    claiming: { state: true },
    claimName: { state: true },
    busy: { state: true },
  };

  /** Base URL of the Linli server. */
  server = '';
  /** The consultation (or board) slug, e.g. wishes. */
  consultation = '';
  /** zh-CN (default) or en. */
  override lang = 'zh-CN';
  /** `proposals` (default) or `wishes` (微心愿 with 认领). */
  mode: 'proposals' | 'wishes' = 'proposals';

  private view: ConsultationView | null = null;
  private items: Proposal[] | null = null;
  private failure: LinliError | null = null;
  private sort: Sort = 'new';
  private draft: Draft = { title: '', body: '', authorName: '' };
  private problems: Partial<Record<keyof Draft, string>> = {};
  private notice = '';
  private claiming = '';
  private claimName = '';
  private busy = '';
  private unsubscribe = () => {};

  private get m() {
    return messages(this.lang);
  }

  private get kind(): 'proposal' | 'wish' {
    return this.mode === 'wishes' ? 'wish' : 'proposal';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('consultation') || changed.has('mode')) void this.load();
  }

  private async load(): Promise<void> {
    this.unsubscribe();
    if (!this.server || !this.consultation) return;
    const { server, consultation, kind } = this;
    this.failure = null;
    // Subscribed before reading, so nothing committed between the read and the stream opening is missed.
    let early: Proposal[] = [];
    this.unsubscribe = sharedStream(server).subscribe(consultation, (type, data) => {
      if (type !== 'proposal') return;
      const changed = (data as { proposals: Proposal[] }).proposals ?? [];
      if (this.items) this.items = mergeProposals(this.items, changed, kind);
      else early = [...early, ...changed];
    });
    try {
      const [view, list] = await Promise.all([
        getConsultation(server, consultation),
        listProposals(server, consultation, kind),
      ]);
      this.view = view;
      this.items = mergeProposals(mergeProposals([], list.proposals, kind), early, kind);
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): LinliError {
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
    return failure;
  }

  override render(): TemplateResult {
    const m = this.m;
    const lang = langOf(this.lang);
    if (!this.server || !this.consultation)
      return html`<div class="w" lang=${lang}><p class="error">${m.errConfig}</p></div>`;
    if (!this.items || !this.view) {
      return html`<div class="w loading" lang=${lang} aria-busy=${this.failure ? 'false' : 'true'}>
        ${
          this.failure
            ? html`<p class="error" role="alert">${this.failure.text(lang)}</p>
              <button class="btn" part="button" @click=${() => void this.load()}>${m.retry}</button>`
            : html`<p class="muted">${m.loading}</p><span class="skeleton"></span><span class="skeleton"></span>`
        }
      </div>`;
    }
    const items = sortProposals(this.items, this.sort);
    return html`<div class="w" lang=${lang}>
      <h2>${this.view.title}</h2>
      <div class="sort" role="group" aria-label=${m.sortLabel}>
        ${(['new', 'top'] as const).map(
          (s) => html`<button class="btn small ${this.sort === s ? '' : 'secondary'}" part="button"
            aria-pressed=${this.sort === s ? 'true' : 'false'} @click=${() => (this.sort = s)}>
            ${s === 'new' ? m.sortNew : m.sortTop}</button>`,
        )}
      </div>
      ${this.failure ? html`<p class="error" role="alert">${this.failure.text(lang)}</p>` : nothing}
      ${
        items.length
          ? html`<ul class="list">${items.map((p) => this.renderItem(p))}</ul>`
          : html`<p class="muted empty">${this.kind === 'wish' ? m.emptyWishes : m.empty}</p>`
      }
      ${this.renderForm()}
      <p class="sr" role="status" aria-live="polite">${this.notice}</p>
    </div>`;
  }

  private renderItem(p: Proposal): TemplateResult {
    const m = this.m;
    const lang = langOf(this.lang);
    const supported = hasSupported(this.server, p.id);
    const wish = this.kind === 'wish';
    const status = wish
      ? m[`status_${p.status}` as 'status_published']
      : p.status === 'adopted'
        ? m.status_adopted
        : '';
    return html`<li class="item" part="item" data-id=${p.id}>
      <h3>${p.title}</h3>
      ${p.body ? html`<p class="body">${p.body}</p>` : nothing}
      <p class="muted">${p.authorName} · ${formatDate(p.createdAt, lang)}</p>
      <div class="row meta">
        ${status ? html`<span class="badge status status-${p.status}">${status}</span>` : nothing}
        ${p.claimedBy ? html`<span class="claimed">${m.claimedBy(p.claimedBy)}</span>` : nothing}
        <span class="supports">${m.supportsCount(p.supports)}</span>
        <button class="btn small ${supported ? 'secondary' : ''}" part="button" ?disabled=${supported || this.busy === p.id}
          aria-label=${`${supported ? m.supported : m.support}：${p.title}`} @click=${() => this.onSupport(p)}>
          ${supported ? `✓ ${m.supported}` : m.support}</button>
        ${
          wish && p.status === 'published' && this.claiming !== p.id
            ? html`<button class="btn small secondary" part="button" aria-label=${`${m.claim}：${p.title}`}
              @click=${() => this.openClaim(p.id)}>${m.claim}</button>`
            : nothing
        }
      </div>
      ${
        this.claiming === p.id
          ? html`<form class="claim" @submit=${(e: SubmitEvent) => this.onClaim(e, p)}>
            <label>${m.claimBy}<input type="text" name="claimedBy" maxlength="100" autocomplete="name"
              .value=${this.claimName} @input=${(e: Event) => (this.claimName = (e.target as HTMLInputElement).value)} /></label>
            <div class="row">
              <button class="btn small" part="button" type="submit" ?disabled=${this.busy === p.id}>${m.claimConfirm}</button>
              <button class="btn small secondary" part="button" type="button" @click=${() => (this.claiming = '')}>${m.cancel}</button>
            </div>
          </form>`
          : nothing
      }
    </li>`;
  }

  private renderForm(): TemplateResult {
    const m = this.m;
    const field = (name: keyof Draft, label: string, multiline = false) => {
      const problem = this.problems[name];
      const id = `f-${name}`;
      const input = multiline
        ? html`<textarea id=${id} name=${name} maxlength=${LIMITS[name]} aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? `${id}-err` : nothing} .value=${this.draft[name]}
            @input=${(e: Event) => this.onDraft(name, (e.target as HTMLTextAreaElement).value)}></textarea>`
        : html`<input id=${id} type="text" name=${name} maxlength=${LIMITS[name]} aria-invalid=${problem ? 'true' : 'false'}
            aria-describedby=${problem ? `${id}-err` : nothing} .value=${this.draft[name]}
            @input=${(e: Event) => this.onDraft(name, (e.target as HTMLInputElement).value)} />`;
      return html`<div class="field"><label for=${id}>${label}</label>${input}
        ${problem ? html`<p class="error" id=${`${id}-err`}>${problem}</p>` : nothing}</div>`;
    };
    return html`<form class="submit" part="form" novalidate @submit=${this.onSubmit}>
      <h3>${this.kind === 'wish' ? m.submitTitleWish : m.submitTitleProposal}</h3>
      ${field('title', m.fieldTitle)} ${field('body', m.fieldBody, true)} ${field('authorName', m.fieldAuthor)}
      <div class="row"><button class="btn" part="button" type="submit" ?disabled=${this.busy === 'submit'}>${m.submit}</button></div>
    </form>`;
  }

  private onDraft(name: keyof Draft, value: string): void {
    this.draft = { ...this.draft, [name]: value };
    if (this.problems[name]) this.problems = { ...this.problems, [name]: undefined };
  }

  private openClaim(id: string): void {
    this.claiming = id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('.claim input')?.focus());
  }

  private async onSupport(p: Proposal): Promise<void> {
    this.busy = p.id;
    try {
      const updated = await supportProposal(this.server, p.id);
      markSupported(this.server, p.id);
      this.replace(updated);
      this.notice = `${this.m.supported}：${p.title}`;
    } catch (error) {
      // Already supported from this browser on another device profile: the server says so; remember it.
      if (error instanceof LinliError && error.status === 409) {
        markSupported(this.server, p.id);
        this.requestUpdate();
      } else this.fail(error);
    } finally {
      this.busy = '';
    }
  }

  private async onClaim(e: SubmitEvent, p: Proposal): Promise<void> {
    e.preventDefault();
    if (!this.claimName.trim()) {
      this.notice = this.m.required(this.m.claimBy);
      return;
    }
    this.busy = p.id;
    try {
      const updated = await claimProposal(this.server, p.id, this.claimName.trim());
      this.replace(updated);
      this.claiming = '';
      this.notice = this.m.claimedBy(updated.claimedBy ?? this.claimName);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = '';
    }
  }

  private replace(p: Proposal): void {
    this.items = mergeProposals(this.items ?? [], [p], this.kind);
  }

  private async onSubmit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const m = this.m;
    const labels: Record<keyof Draft, string> = { title: m.fieldTitle, body: m.fieldBody, authorName: m.fieldAuthor };
    const found = draftProblems(this.draft);
    this.problems = Object.fromEntries(
      Object.entries(found).map(([k, v]) => [
        k,
        v === 'required'
          ? m.required(labels[k as keyof Draft])
          : m.tooLong(labels[k as keyof Draft], LIMITS[k as keyof Draft]),
      ]),
    );
    if (Object.keys(found).length) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.busy = 'submit';
    this.failure = null;
    try {
      const body = this.draft.body.trim();
      const proposal = await submitProposal(this.server, this.consultation, {
        kind: this.kind,
        title: this.draft.title.trim(),
        ...(body ? { body } : {}),
        authorName: this.draft.authorName.trim(),
      });
      this.draft = { title: '', body: '', authorName: '' };
      this.replace(proposal);
      this.notice = proposal.status === 'pending' ? m.submitted : m.submittedPublished;
      this.dispatchEvent(
        new CustomEvent('linli-proposal-submitted', { detail: { proposal }, bubbles: true, composed: true }),
      );
    } catch (error) {
      const failure = this.fail(error);
      // The server names fields (title, authorName…): show each message beside its field.
      const fields = Object.entries(failure.fields).filter(([k]) => k in labels);
      if (fields.length) this.problems = Object.fromEntries(fields);
    } finally {
      this.busy = '';
    }
  }
}
