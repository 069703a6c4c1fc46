import { describe, expect, it } from 'vitest';
import { readsLikePostalAddress } from './address';
import { extractIssues } from './extract';
import { nameWords } from './named-fields';
import { parseHtml } from './node';
import { pageDateContext } from './zones';

/**
 * Causes b7 showed at first sight (two software families never seen: Idox Public Access, IQM2 Meeting Portal), each
 * fixed by a rule meant for sites never seen: every test names the page that showed the cause and also runs a
 * second markup of the same idea, in other tags and words.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });
const page = (head: string, body: string, lang = 'en') =>
  `<html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;

describe('real causes (b7): a line that reads as a postal address is the row’s place, never its description', () => {
  it('Idox search results: the proposal is the link, `p.address` the place (uk-brighton-idox-decided-applications-search-results)', () => {
    const row = (key: string, proposal: string, address: string, ref: string, day: string, status: string) =>
      `<li class="searchresult"><a href="/online-applications/applicationDetails.do?keyVal=${key}&amp;activeTab=summary">
        ${proposal}</a><p class="address">${address}</p><p class="metaInfo">Ref. No: ${ref}
        <span class="divider">|</span> Received: ${day} <span class="divider">|</span> Validated: ${day}
        <span class="divider">|</span> Status: ${status}</p></li>`;
    const html = page(
      '<title>Search Results</title>',
      `<div id="pa"><h1>Search Results</h1><ul id="searchresults">
        ${row('PFRW7', 'Fell 1no Eucalyptus', '132 Beaconsfield Villas Brighton BN1 6HE', 'BH2018/03004', 'Fri 28 Sep 2018', 'Decided')}
        ${row('PF8OT', 'T1- Purple cherry- Reduce in height by approx. 1m and prune remainder to balance', 'Arundel Cottage 20 Lewes Crescent Brighton BN2 1GB', 'BH2018/02896', 'Tue 18 Sep 2018', 'Decided')}
        ${row('PF7BC', 'Prior approval for the erection of a single storey rear extension, which would extend beyond the rear wall of the original house by 6m.', '2 Raphael Road Hove BN3 5QQ', 'BH2018/02890', 'Thu 13 Sep 2018', 'Withdrawn')}
        ${row('PEL03', '1no Cherry Laurel T22 - Reduce canopy maximum 1.5m from height and trimming of sides.', '64B Dyke Road Avenue Brighton BN1 5LE', 'BH2018/02800', 'Fri 7 Sep 2018', 'Decided')}
      </ul></div>`,
    );
    const { issues, kind } = extract(html, 'https://planningapps.brighton-hove.gov.uk/online-applications/search.do');
    expect(kind).toBe('list');
    expect(issues).toHaveLength(4);
    expect(issues[0]?.description).toBe('Fell 1no Eucalyptus');
    expect(issues[0]?.location.address).toBe('132 Beaconsfield Villas Brighton BN1 6HE');
    expect(issues[1]?.description).toContain('T1- Purple cherry');
    expect(issues[1]?.location.address).toBe('Arundel Cottage 20 Lewes Crescent Brighton BN2 1GB');
    expect(issues[2]?.description).toContain('Prior approval for the erection');
    expect(issues[2]?.location.address).toBe('2 Raphael Road Hove BN3 5QQ');
    expect(issues.map((i) => i.source.caseNumber)).toEqual([
      'BH2018/03004',
      'BH2018/02896',
      'BH2018/02890',
      'BH2018/02800',
    ]);
  });

  it('a second markup: cards with a heading link and an unclassed Australian, US or Chinese address line', () => {
    const card = (id: number, title: string, place: string, day: string) =>
      `<div class="card"><h3><a href="/requests/${id}">${title}</a></h3><div>${place}</div><small>Lodged ${day}</small></div>`;
    const html = page(
      '<title>Recent requests</title>',
      `<main><h2>Recent requests</h2>
        ${card(11, 'Remove the dead gum tree over the footpath', '5 Lachlan St, Forbes NSW 2871', '03/05/2019')}
        ${card(12, 'Streetlight out for two weeks near the school', '1200 W Harrison Street, Chicago, IL 60607', '04/05/2019')}
        ${card(13, '小区门口路灯损坏，夜间出行不便', '河南省商丘市柘城县长江路123号', '05/05/2019')}
        ${card(14, 'Overflowing recycling bins at the park entrance', 'Flat 2 Marine Court Hove BN3 2AB', '06/05/2019')}
      </main>`,
    );
    const { issues } = extract(html, 'https://requests.example.net/recent');
    expect(issues).toHaveLength(4);
    expect(issues.map((i) => i.location.address)).toEqual([
      '5 Lachlan St, Forbes NSW 2871',
      '1200 W Harrison Street, Chicago, IL 60607',
      '河南省商丘市柘城县长江路123号',
      'Flat 2 Marine Court Hove BN3 2AB',
    ]);
    expect(issues[0]?.description).toBe('Remove the dead gum tree over the footpath');
    expect(issues[2]?.description).toBe('小区门口路灯损坏，夜间出行不便');
  });

  it('what reads as an address and what does not', () => {
    for (const yes of [
      '132 Beaconsfield Villas Brighton BN1 6HE',
      'Arundel Cottage 20 Lewes Crescent Brighton BN2 1GB',
      '300 N New Ballas Road Creve Coeur, MO 63141',
      'Town Hall, 45 Main Street, Springfield, Illinois 62701',
      '264 Coolangatta Road, BILINGA QLD 4225',
      '北京市朝阳区建国路88号',
      // A premises and its town before a full postcode, no house number (uk-liverpool-northgate-16f-2687, label-blind).
      "McDonald's Restaurant Hunts Cross Shopping Park Liverpool L24 9GB",
    ])
      expect(readsLikePostalAddress(yes), yes).toBe(true);
    for (const no of [
      'Fell 1no Eucalyptus',
      'Prior approval for the erection of a single storey rear extension, which would extend 6m.',
      'Ref. No: BH2018/03004 | Received: Fri 28 Sep 2018 | Status: Decided',
      'Brighton BN1 6HE',
      '国发〔2020〕5号',
      'Call 312-744-0675 for the office at 121 N LaSalle Street, Chicago, IL 60602 to make an appointment today',
    ])
      expect(readsLikePostalAddress(no), no).toBe(false);
  });
});

describe('real causes (b7): a meeting page’s date span and an element its name calls the address', () => {
  it('IQM2: `lblMeetingDate` dates the meeting, `MeetingAddress` places it (us-crevecoeur-iqm2-audit-committee-2019-08-08)', () => {
    const html = page(
      '<title>2019/08/08 09:30 AM Audit Committee Committee Meeting - Web Outline - Creve Coeur City, Missouri</title>',
      `<table><tr><td colspan="2" class="MeetingHeading">
        <span id="ContentPlaceholder1_lblMeetingGroup">Audit  Committee</span><br />
        <span id="ContentPlaceholder1_lblMeetingType">Committee Meeting</span><br />
        <span id="ContentPlaceholder1_lblMeetingDate">8/8/2019 9:30 AM</span>
        <br /> Administrative Conference Room<div class='MeetingAddress'>300 N New Ballas Road&nbsp;&nbsp;&nbsp;Creve Coeur, MO  63141</div>
      </td></tr><tr><td><table class="MeetingDetail">
        <tr><td class="Num"><strong>I. </strong></td><td class="Title"><strong>Call to Order</strong></td></tr>
        <tr><td></td><td class="Title"><a href="Detail_Motion.aspx?ID=18468">Minutes of Dec 5, 2018 10:00 AM</a></td></tr>
      </table></td></tr></table>`,
    );
    const [issue] = extract(html, 'https://crevecoeurcitymo.iqm2.com/Citizens/Detail_Meeting.aspx?ID=5179').issues;
    expect(issue?.reportedAt).toBe('2019-08-08T09:30:00-05:00');
    expect(issue?.location.address).toBe('300 N New Ballas Road Creve Coeur, MO 63141');
    // The date the <title> opens with is no part of the title (it read `30 AM Audit…`, cut at the clock's colon).
    expect(issue?.title).toBe('Audit Committee Committee Meeting');
  });

  it('a second markup: an event page’s `event-when` span and a multi-line `venue`, a Chinese meeting notice', () => {
    const html = page(
      '<title>Planning Board Hearing – Springfield, Illinois</title>',
      `<article><h1>Planning Board Hearing</h1>
        <p class="event-when">Tuesday, March 3, 2020, 7:00 PM – 9:00 PM</p>
        <p class="event-venue">Town Hall<br>45 Main Street<br>Springfield, IL 62701</p>
        <p>The board hears the application for the new library car park.</p></article>`,
    );
    const [issue] = extract(html, 'https://springfield-boards.example.com/events/42').issues;
    expect(issue?.reportedAt).toBe('2020-03-03T19:00:00-06:00');
    expect(issue?.location.address).toBe('Town Hall, 45 Main Street, Springfield, IL 62701');

    const cn = page(
      '<title>关于召开老旧小区改造居民议事会的通知</title>',
      `<div class="main"><h1>关于召开老旧小区改造居民议事会的通知</h1>
        <div class="hy-shijian">2024年5月10日 14:30至16:00</div>
        <div class="hy-dizhi">河南省商丘市柘城县长江路123号</div>
        <p>请各楼栋居民代表准时参加，会议讨论加装电梯和停车位改造方案。</p></div>`,
      'zh-CN',
    );
    const [notice] = extract(cn, 'https://www.example.cn/hy/1.html').issues;
    expect(notice?.reportedAt).toBe('2024-05-10T14:30:00+08:00');
    expect(notice?.location.address).toBe('河南省商丘市柘城县长江路123号');
  });

  it('an office’s own address in a contact box places no case; a date classed element on a page about no meeting dates nothing', () => {
    const html = page(
      '<title>Pothole on the ring road</title>',
      `<main><h1>Pothole on the ring road</h1><p>Deep pothole in the inside lane, seen every morning for a week now.</p>
        <div class="contact-box"><p class="address">1 Town Hall Square, Brighton BN1 1AA</p></div>
        <span class="time">2020-01-01</span></main>`,
    );
    const [issue] = extract(html, 'https://reports.example.net/r/7').issues;
    expect(issue?.location.address).toBeUndefined();
    expect(issue?.reportedAt).toBeUndefined();
  });

  it('class and id words, and a state the site names sets the zone and month-first dates', () => {
    expect(
      nameWords(parseHtml('<span id="ContentPlaceholder1_lblMeetingDate">x</span>').querySelector('span')!),
    ).toEqual(['content', 'placeholder', '1', 'lbl', 'meeting', 'date']);
    const ctx = pageDateContext({
      url: 'https://crevecoeurcitymo.iqm2.com/x',
      title: 'Audit - Creve Coeur City, Missouri',
    });
    expect(ctx).toEqual({ zone: { iana: 'America/Chicago' }, numericOrder: 'mdy', roc: false });
  });
});
