/**
 * The results part of <linli-vote>: bars with counts, and for civil-code rules the area and headcount shares
 * with their legal thresholds drawn on the bars and the shortfall in words. The shortfall comes from core's exact
 * arithmetic; bar widths are only drawing (a float never decides or states anything here).
 */

import { formatHundredths, parseHundredths } from '@linli/core/tally/exact';
import { civilCodeShortfall } from '@linli/core/tally/shortfall';
import { html, nothing, type TemplateResult } from 'lit';
import type { ConsultationView, TallyView } from '../client/api';
import { type Messages, messages } from '../client/messages';

const messagesEn = messages('en');

type Visible = Extract<TallyView, { hidden: false }>;

const width = (part: number, whole: number) => (whole > 0 ? Math.min(100, (part / whole) * 100) : 0);
const areaNumber = (text: string | undefined) => Number(parseHundredths(text ?? '0') ?? 0n) / 100;

export function optionLabel(m: Messages, view: ConsultationView, id: string): string {
  if (view.ballot?.method === 'yesno') {
    if (id === 'yes') return m.optYes;
    if (id === 'no') return m.optNo;
    if (id === 'abstain') return m.optAbstain;
  }
  return view.ballot?.options.find((o) => o.id === id)?.label ?? id;
}

function bar(label: string, value: string, percent: number, marker?: { at: number; label: string }): TemplateResult {
  return html`<li class="result" part="result">
    <div class="result-head"><span class="result-label">${label}</span><span class="result-value">${value}</span></div>
    <div class="bar" part="bar" aria-hidden="true">
      <span class="fill" style="width:${percent.toFixed(2)}%"></span>
      ${
        marker
          ? html`<span class="marker" style="left:${marker.at.toFixed(2)}%" title=${marker.label}></span>`
          : nothing
      }
    </div>
    ${marker ? html`<div class="muted threshold">${marker.label}</div>` : nothing}
  </li>`;
}

/**
 * The server's reasons name options by id ("ground-lines"); a resident reads their labels. Live tally events carry
 * reasons in both languages ("中文 / English"), as the stream is shared by pages of either language: keep ours.
 */
const withLabels = (m: Messages, view: ConsultationView, text: string) =>
  ((parts) => (parts.length === 2 ? parts[m === messagesEn ? 1 : 0]! : text))(text.split(' / ')).replace(
    /([“"])([A-Za-z0-9_-]+)([”"])/g,
    (all, open: string, id: string, close: string) =>
      view.ballot?.options.some((o) => o.id === id) ? `${open}${optionLabel(m, view, id)}${close}` : all,
  );

export function renderResults(m: Messages, view: ConsultationView, tally: TallyView | null): TemplateResult {
  if (!tally || !view.ballot) return html``;
  if (tally.hidden) {
    return html`<section class="results" part="results" aria-labelledby="results-title">
      <h3 id="results-title">${m.resultsTitle}</h3>
      <p>${m.ballotsCast(tally.participation.ballots)}</p>
      <p class="muted results-hidden">${view.ballot.ballotBox === 'receipts' ? m.resultsSecret : m.resultsHidden}</p>
    </section>`;
  }
  const t = tally as Visible;
  const preset = view.ballot.rule.preset;
  const civil = preset === 'civil-code-major' || preset === 'civil-code-ordinary';
  const method = view.ballot.method;
  const ids = view.ballot.options.map((o) => o.id);
  const points = method === 'budget';
  const whole = points
    ? Math.max(1, ...ids.map((id) => t.totals[id]?.points ?? 0))
    : Math.max(1, t.participation.count, ...ids.map((id) => t.totals[id]?.count ?? 0));
  const optionBars = ids.map((id) => {
    const r = t.totals[id] ?? { count: 0 };
    const value = points
      ? `${r.points ?? 0} ${m.points}`
      : civil
        ? // The civil-code rules weigh headcount (households) and exclusive area: show both, never "N 票".
          `${m.households(r.count)} · ${r.area ?? '0.00'} m²`
        : m.votes(r.count);
    return bar(optionLabel(m, view, id), value, width(points ? (r.points ?? 0) : r.count, whole));
  });

  let civilPart: TemplateResult | typeof nothing = nothing;
  if (civil && t.participation.electorate?.count !== undefined && t.participation.electorate.area !== undefined) {
    const e = t.participation.electorate;
    const p = t.participation;
    const yes = method === 'yesno' ? t.totals.yes : t.winner ? t.totals[t.winner] : undefined;
    const approvalShare = preset === 'civil-code-major' ? '3/4' : '1/2';
    const approvalAt = preset === 'civil-code-major' ? 75 : 50;
    const shortfall = civilCodeShortfall({
      preset,
      participation: { count: p.count, area: p.area },
      electorate: e,
      approving: yes ? { count: yes.count, area: yes.area } : undefined,
    });
    const words = shortfall
      ? (shortfall.stage === 'participation' ? m.shortfall : m.shortfallApproval)(
          shortfall.count > 0n ? String(shortfall.count) : '',
          shortfall.area > 0n ? formatHundredths(shortfall.area) : '',
        )
      : '';
    const pArea = areaNumber(p.area);
    const eArea = areaNumber(e.area);
    civilPart = html`<ul class="bars civil">
        ${bar(
          m.participationCount,
          `${p.count} / ${e.count}${p.shares?.count ? ` (${p.shares.count})` : ''}`,
          width(p.count, e.count ?? 0),
          { at: (2 / 3) * 100, label: m.threshold('2/3') },
        )}
        ${bar(
          m.participationArea,
          `${p.area ?? '0.00'} / ${e.area} m²${p.shares?.area ? ` (${p.shares.area})` : ''}`,
          width(pArea, eArea),
          { at: (2 / 3) * 100, label: m.threshold('2/3') },
        )}
        ${
          yes
            ? html`${bar(
                `${optionLabel(m, view, method === 'yesno' ? 'yes' : t.winner!)} · ${m.owners}`,
                `${yes.count} / ${p.count}`,
                width(yes.count, p.count),
                { at: approvalAt, label: m.threshold(approvalShare) },
              )}
            ${bar(
              `${optionLabel(m, view, method === 'yesno' ? 'yes' : t.winner!)} · ${m.area}`,
              `${yes.area ?? '0.00'} / ${p.area ?? '0.00'} m²`,
              width(areaNumber(yes.area), pArea),
              { at: approvalAt, label: m.threshold(approvalShare) },
            )}`
            : nothing
        }
      </ul>
      ${words ? html`<p class="shortfall" part="shortfall">${words}</p>` : nothing}`;
  }
  const outcome = t.reasons.at(-1);
  return html`<section class="results" part="results" aria-labelledby="results-title">
    <h3 id="results-title">${t.final ? m.finalTitle : m.resultsTitle}</h3>
    <p class="muted">${m.ballotsCast(t.participation.ballots)}</p>
    <ul class="bars">${optionBars}</ul>
    ${civilPart}
    ${outcome ? html`<p class="outcome">${withLabels(m, view, outcome)}</p>` : nothing}
  </section>`;
}
