import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * A meeting's day and hour written apart (detail-dates.ts `withHourBeside`, `dateEndingTitle`; dates.ts' dot
 * clock): whatever the order, the label or the line they stand on, the case is dated at the hour (the zone is the page's, not asked here).
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW }).issues;
const page = (title: string, body: string, lang = 'en') =>
  `<html lang="${lang}"><head><title>${title}</title></head><body>${body}</body></html>`;

describe('a clock written with a dot', () => {
  const ctx = { zone: { offset: 600 }, numericOrder: 'dmy', roc: false } as const;
  it('is read with its meridiem or `uur`, not alone', () => {
    expect(parseDate('Monday 03 June 2024 6.30pm', ctx)).toBe('2024-06-03T18:30:00+10:00');
    expect(parseDate('3 juni 2024 18.30 uur', ctx)).toBe('2024-06-03T18:30:00+10:00');
    expect(parseDate('3 June 2024, page 6.30', ctx)).toBe('2024-06-03T00:00:00+10:00');
  });
});

describe('the hour apart from the day', () => {
  it('the hour on the line before the day, both under one label (au-yarra-council-meeting-2024-06-03)', () => {
    const html = page(
      'Council Meeting',
      `<h1>Council Meeting</h1><p>Monday 03 June 2024</p><div class="event"><h4>Richmond Town Hall</h4>
<p><strong>Date and time:</strong><br />6.30pm<br />Monday 03 June 2024</p>
<p><strong>Address:</strong><br />333 Bridge Road Richmond</p></div><p>Council meetings are public forums.</p>`,
    );
    expect(
      extract(html, 'https://www.yarracity.vic.gov.au/events/2024/06/03/council-meeting')[0]!.reportedAt?.slice(0, 16),
    ).toBe('2024-06-03T18:30');
  });

  it('the hour on the line after the day, a span (us-columbia-river-gorge-commission-…-2026-04-08)', () => {
    const html = page(
      'Committee Meeting – 4/8/2026',
      `<div class="page-header"><div class="page__featured-image empty"><p>Add a featured image to this page</p></div>
<h1 class="page-title">Economic Vitality Committee Meeting – 4/8/2026</h1></div><div class="page-body"><div class="meeting__meta">
<p class="meeting__date"><svg><path d="M4.9 0V1.4"></path></svg> Apr 8, 2026 </p>
<p class="meeting__time"><svg><path d="M6 11.3C7"></path></svg> 12:00 p.m. - 1:30 p.m. </p>
<p class="meeting__location">via Zoom</p></div><p>The Zoom link to join the meeting is located in the agenda.</p></div>`,
    );
    expect(extract(html, 'https://gorgecommission.org/meeting/evc-4-8-2026/')[0]!.reportedAt?.slice(0, 16)).toBe(
      '2026-04-08T12:00',
    );
  });

  it('the hour under a label of its own after the day (us-sf-planning-commission-hearing-2021-10-28)', () => {
    const html = page(
      'Planning Commission',
      `<h1>Planning Commission</h1><div class="date-rsvp"><h3 class="date">Thursday, October 28, 2021</h3></div>
<div class="details"><div class="time"><div class="header">Time</div> 1:00pm </div>
<div class="location"><div class="header">Location</div> City Hall, Room 400</div></div>`,
    );
    expect(extract(html, 'https://sfplanning.org/event/planning-commission-151')[0]!.reportedAt?.slice(0, 16)).toBe(
      '2021-10-28T13:00',
    );
  });

  it('a Dutch day with its `uur` hour on the next line, and a Chinese one', () => {
    const dutch = page(
      'Commissie Ruimte',
      `<h1>Commissie Ruimte</h1><p class="datum">dinsdag 3 juni 2025</p><p class="tijd">19.30 uur</p>
<p>De commissie bespreekt het bestemmingsplan.</p>`,
      'nl',
    );
    expect(extract(dutch, 'https://raad.voorbeeld.nl/vergadering/2025-06-03')[0]!.reportedAt?.slice(0, 16)).toBe(
      '2025-06-03T19:30',
    );
    const chinese = page(
      '规划委员会会议',
      `<h1>规划委员会会议</h1><p>2025年6月3日</p><p>下午3时</p><p>会议审议了规划草案。</p>`,
      'zh-CN',
    );
    expect(extract(chinese, 'https://www.example.gov.cn/hy/20250603.html')[0]!.reportedAt?.slice(0, 16)).toBe(
      '2025-06-03T15:00',
    );
  });

  it('a time beside the day that is not alone (a sentence) is not its hour', () => {
    const html = page(
      'Planning Commission',
      `<h1>Planning Commission</h1><p>Thursday, October 28, 2021</p><p>Doors open at 12:30 pm for the 1:00 pm hearing and the public may attend.</p>`,
    );
    expect(extract(html, 'https://sfplanning.org/event/planning-commission-151')[0]!.reportedAt?.slice(0, 16)).toBe(
      '2021-10-28T00:00',
    );
  });
});

describe('a title that ends with its date and hour', () => {
  it('dates the meeting when nothing else does (nl-denhelder-go-raadsinformatie-…-2015-10-05)', () => {
    const html = page(
      'Raadscommissie Bestuur en Middelen 05 oktober 2015 19:30:00',
      `<h1 class="nonvisual">Raadscommissie Bestuur en Middelen 05 oktober 2015 19:30:00</h1><div id="content">
<div id="breadcrumb">U bent hier: <a href="/vergaderingen/">Vergaderingen</a> &raquo; <strong>19:30</strong></div>
<div id="pageHead"><div class="meta"><h2 class="page_title"><span class="group">Raadscommissie Bestuur en Middelen</span> <span class="date">05 oktober 2015</span>
<span class="time">19:30</span> <span class="hour">uur</span></h2><p class="meeting_extra"></p></div></div><ul><li><h3><a href="/a">Opening en mededelingen.</a></h3></li></ul></div>`,
      'nl',
    );
    expect(
      extract(html, 'https://gemeenteraad.denhelder.nl/vergaderingen/x/2015/05-oktober/19:30/')[0]!.reportedAt?.slice(
        0,
        16,
      ),
    ).toBe('2015-10-05T19:30');
  });
});
