import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * Two long blocks side by side, each dated and numbered somewhere in its text (a meeting agenda's items, then its
 * notice on how to take part), are the halves of one page, not a list of two cases. Markup written apart from the
 * page that showed it (us-walnut-creek-granicus-planning-commission-agenda-2022-05-12).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const para = (s: string) => `<div><table><tbody><tr><td width="20"></td><td>${s}</td></tr></tbody></table></div>`;
const filler = (k: string) =>
  Array.from({ length: 18 }, (_, i) =>
    para(`${k} ${i + 1}. The commission will hear the item and may act after public comment on the report's proposal.`),
  ).join('');

describe('two long blocks of one page', () => {
  it('read as the page of one meeting, titled and dated by its head, not as two cases', () => {
    const html = `<html><head><title>Harbour Commission Meeting</title></head><body>
<div><strong>AGENDA</strong><br><span>Harbour Commission</span></div>
<table><tr><td><strong>DATE:</strong></td><td>June 14, 2023</td></tr></table><hr>
<blockquote><div><a href="/meta/1">Staff Report</a></div>${para('Rezoning of the east pier under Ordinance (PD-2045), adopted September 23, 2021.')}${filler('Item')}</blockquote>
<blockquote>${para('****HOW TO TAKE PART IN THE MEETING****')}${para('Webinar ID: 812 3344 5566 / Passcode: 123 456. Comments received by June 13, 2023 at noon are read.')}${filler('Note')}</blockquote>
</body></html>`;
    const url = 'https://harbour.example.gov/AgendaViewer.php?clip_id=12';
    const r = extractIssues(parseHtml(html, url), { url, now: NOW });
    expect(r.kind).toBe('detail');
    expect(r.issues.map((i) => [i.title, i.reportedAt])).toEqual([
      ['Harbour Commission Meeting', '2023-06-14T00:00:00-04:00'],
    ]);
  });
});
