import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { type ConsultationView, getConsultation } from '../client/api';
import { LinliError } from '../client/http';
import { formatDate, langOf, messages } from '../client/messages';
import { sharedStream } from '../client/stream';
import { STEPS, stepStates } from './progress.logic';
import { styles } from './progress.styles';

/**
 * How a matter is going: the 三会 timeline 听证会 → 协调会 → 表决 → 实施 → 评议会 with the current phase, the
 * milestones and a progress bar, and dated updates, all live.
 *
 * @fires linli-error - detail: {code, message} when loading fails
 * @csspart timeline - the list of the five steps
 * @csspart step - one step (with data-state done | current | upcoming)
 * @csspart bar - the progress bar
 * @csspart update - one dated update
 * @cssproperty --linli-font-size - base type size (default 18px; never below 16px)
 * @cssproperty --linli-accent - current step and bar (default #0b57d0)
 * @cssproperty --linli-min-height - height reserved before data arrives (default 520px)
 */
export class LinliProgress extends LitElement {
  static override styles = styles;
  static override properties = {
    server: {},
    consultation: {},
    lang: { reflect: true },
    view: { state: true },
    failure: { state: true },
  };

  /** Base URL of the Linli server. */
  server = '';
  /** The consultation's slug, e.g. garbage-room. */
  consultation = '';
  /** zh-CN (default) or en. */
  override lang = 'zh-CN';

  private view: ConsultationView | null = null;
  private failure: LinliError | null = null;
  private unsubscribe = () => {};

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('server') || changed.has('consultation')) void this.load();
  }

  private async load(): Promise<void> {
    this.unsubscribe();
    if (!this.server || !this.consultation) return;
    const { server, consultation } = this;
    this.failure = null;
    // Subscribed before reading, so nothing committed between the read and the stream opening is missed.
    this.unsubscribe = sharedStream(server).subscribe(consultation, (type, data) => {
      if (!this.view) return;
      if (type === 'progress') {
        const d = data as Pick<ConsultationView, 'progress' | 'milestones'> & {
          update?: ConsultationView['updates'][0];
        };
        const updates =
          d.update && !this.view.updates.some((u) => u.id === d.update!.id)
            ? [...this.view.updates, d.update]
            : this.view.updates;
        this.view = { ...this.view, progress: d.progress, milestones: d.milestones ?? this.view.milestones, updates };
      }
      // The snapshot repeats the phase we already show: refetch only on a real change (dates, votingOpen).
      if (type === 'phase' && this.view && (data as { phase?: string }).phase !== this.view.phase)
        void getConsultation(server, consultation).then(
          (v) => (this.view = v),
          () => {},
        );
    });
    try {
      this.view = await getConsultation(server, consultation);
    } catch (error) {
      this.failure =
        error instanceof LinliError ? error : new LinliError('client', 'widget', String(error), String(error));
      this.dispatchEvent(
        new CustomEvent('linli-error', {
          detail: { code: this.failure.code, message: this.failure.text(langOf(this.lang)) },
          bubbles: true,
          composed: true,
        }),
      );
    }
  }

  override render(): TemplateResult {
    const m = messages(this.lang);
    const lang = langOf(this.lang);
    const view = this.view;
    if (!this.server || !this.consultation)
      return html`<div class="w" lang=${lang}><p class="error">${m.errConfig}</p></div>`;
    if (!view) {
      return html`<div class="w loading" lang=${lang} aria-busy=${this.failure ? 'false' : 'true'}>
        ${
          this.failure
            ? html`<p class="error" role="alert">${this.failure.text(lang)}</p>
              <button class="btn" @click=${() => void this.load()}>${m.retry}</button>`
            : html`<p class="muted">${m.loading}</p><span class="skeleton"></span><span class="skeleton"></span>`
        }
      </div>`;
    }
    const states = stepStates(view.phase);
    const updates = [...view.updates].sort((a, b) => (a.at < b.at ? 1 : -1));
    return html`<div class="w" lang=${lang}>
      <h2>${view.title}</h2>
      ${view.summary ? html`<p class="summary">${view.summary}</p>` : nothing}
      <h3 id="timeline-title">${m.timeline}</h3>
      <ol class="timeline" part="timeline" aria-labelledby="timeline-title">
        ${STEPS.map((step) => {
          const window = view.schedule?.[step];
          const dates = [window?.start, window?.end]
            .filter(Boolean)
            .map((d) => formatDate(d, lang))
            .join(' – ');
          return html`<li class="step ${states[step]}" part="step" data-state=${states[step]}
            aria-current=${states[step] === 'current' ? 'step' : nothing}>
            <span class="dot" aria-hidden="true">${states[step] === 'done' ? '✓' : ''}</span>
            <span class="name">${m[`step_${step}`]}</span>
            <span class="state">${m[states[step]]}</span>
            ${dates ? html`<span class="dates">${dates}</span>` : nothing}
          </li>`;
        })}
      </ol>
      <div class="progress">
        <div class="progress-head"><span id="progress-label">${m.progress(view.progress)}</span>
          <span class="sr" aria-live="polite">${m.progress(view.progress)}</span></div>
        <div class="bar" part="bar" role="progressbar" aria-labelledby="progress-label" aria-valuemin="0"
          aria-valuemax="100" aria-valuenow=${view.progress}><span class="fill" style="width:${view.progress}%"></span></div>
      </div>
      ${
        view.milestones.length
          ? html`<h3>${m.milestones}</h3>
            <ul class="milestones">
              ${view.milestones.map(
                (ms) => html`<li class=${ms.done ? 'done' : ''}>
                  <span class="tick" aria-hidden="true">${ms.done ? '✓' : '○'}</span>
                  <span class="name">${ms.title}</span>
                  <span class="sr">${ms.done ? m.done : m.upcoming}</span>
                  ${ms.due ? html`<span class="muted">${m.due(formatDate(ms.due, lang))}</span>` : nothing}
                </li>`,
              )}
            </ul>`
          : nothing
      }
      <h3>${m.updates}</h3>
      ${
        updates.length
          ? html`<ul class="updates">
            ${updates.map(
              (u) => html`<li part="update"><time datetime=${u.at}>${formatDate(u.at, lang)}</time>
                <p>${u.text}</p>${u.by ? html`<p class="muted">${u.by}</p>` : nothing}</li>`,
            )}
          </ul>`
          : html`<p class="muted">${m.noUpdates}</p>`
      }
    </div>`;
  }
}
