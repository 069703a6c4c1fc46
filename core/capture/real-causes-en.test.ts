import { describe, expect, it } from 'vitest';
import { parseDate } from './dates';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { mapBillAction, mapStatus } from './status';
import { pageDateContext } from './zones';

/** Causes found on the non-Chinese real pages of issue 18 (batch b3-en), each in the smallest page that shows it. */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url: string) => extractIssues(parseHtml(html, url), { url, now: NOW });

// uk-wdtk-birmingham-foi-requests-p4: an Alaveteli authority page listing the FOI requests made to it.
const requestRow = (slug: string, title: string, desc: string, badge: string, line: string) => `
<div class="request_listing">
  <span class="head"><a href="/request/${slug}">${title}</a></span>
  <span class="desc">${desc}</span>
  <span class="bottomline icon_x"><strong>${badge}</strong><br>${line}</span>
</div>`;
const AUTH = '<a href="http://www.whatdotheyknow.com/body/springfield_council">Springfield Council</a>';
const requestList = `<html><head><title>Springfield Council - view and make Freedom of Information requests</title></head>
<body><div id="content">
<div id="request_sidebar"><h2>Track this authority</h2><a href="/track">Track requests to Springfield Council by email</a></div>
<h1>Springfield Council</h1>
<h2>3 Freedom of Information requests made</h2>
${requestRow('bins', 'Wheelie bin collections', 'Dear Ms Hart, please find attached the collection rounds for 2009 as you asked.', 'Successful.', `All information sent by ${AUTH} to <a href="/user/ann_hart">Ann Hart</a> on 15 January 2009.`)}
${requestRow('parks', 'Park entry charges', 'Springfield Council\nRegister Office\n Telephone : 0121-675 1000\n Fax : 0121-675 1050', 'Awaiting response.', `Request sent to ${AUTH} by <a href="/user/bo_lee">Bo Lee</a> on 3 December 2008.`)}
${requestRow('blocking', 'Internet blocking', 'Please see attached response to your request for an internal appeal.', 'Rejected.', `Rejection by ${AUTH} to <a href="/user/cy_ray">Cy Ray</a> on 26 September 2008.`)}
<p>Only requests made using WhatDoTheyKnow.com are shown.</p>
</div></body></html>`;

// us-oregon-leg-hb3623-bill-history: a bill's history as a legislature prints it.
const billPage = (actions: Array<[string, string]>) => `<html><br><body>
<p><h1>House Bill 3623</h1></p>
Introduced ( <a href="hb3623.intro.html">html</a> | <a href="hb3623.intro.pdf">pdf</a> )
<center><table>
<tr><td><b>HB 3623</b></td><td><b>By Representative BARTON (Presession filed.) -- Relating to human trafficking information; and declaring an emergency.</b></td></tr>
${actions.map(([when, what]) => `<tr><td>${when}</td><td> ${what} </td></tr>`).join('\n')}
</table></center></body></html>`;
const BILL_URL = 'http://www.leg.state.or.us/10ss1/measures/hb3600.dir/hb3623.b.html';

describe('real-page causes (non-Chinese pages)', () => {
  it('an FOI request list: each row a case, its badge a status, its last line naming authority and requester', () => {
    const result = extract(requestList, 'http://www.whatdotheyknow.com/body/springfield_council');
    expect(result.kind).toBe('list');
    expect(result.issues.map((i) => i.title)).toEqual([
      'Wheelie bin collections',
      'Park entry charges',
      'Internet blocking',
    ]);
    expect(result.issues.map((i) => i.status)).toEqual(['resolved', 'new', 'rejected']);
    expect(result.issues.map((i) => i.department)).toEqual([
      'Springfield Council',
      'Springfield Council',
      'Springfield Council',
    ]);
    expect(result.issues.map((i) => i.reporter.name)).toEqual(['Ann Hart', 'Bo Lee', 'Cy Ray']);
    // A row whose quoted reply holds a label (`Telephone : …`) is still a row of the list.
    expect(result.issues[1]?.description).toContain('Register Office');
    expect(JSON.stringify(result.issues)).not.toContain('Track requests to');
  });

  it('Alaveteli request states map to statuses; overdue requests are still open', () => {
    expect(mapStatus('Partially successful.', true)).toBe('resolved');
    expect(mapStatus('Information not held.', true)).toBe('closed');
    expect(mapStatus('Waiting clarification.', true)).toBe('in_progress');
    expect(mapStatus('Long overdue.', true)).toBe('in_progress');
    expect(mapStatus('Awaiting response.', true)).toBe('new');
  });

  it("a bill history's dated action rows are its updates; the last decisive action is its status", () => {
    const issue = extract(
      billPage([
        ['02/01 (H)', "First reading. Referred to Speaker's desk."],
        ['02/09 (H)', 'Third reading. Carried by Barton. Passed. Ayes, 59.'],
        ['03/18 (H)', 'Governor signed.'],
        ['03/18 (H)', 'Chapter 65, (2010 Laws): Effective date March 18, 2010.'],
      ]),
      BILL_URL,
    ).issues[0]!;
    expect(issue.title).toBe('House Bill 3623');
    expect(issue.updates.map((u) => u.text)).toEqual([
      "First reading. Referred to Speaker's desk.",
      'Third reading. Carried by Barton. Passed. Ayes, 59.',
      'Governor signed.',
      'Chapter 65, (2010 Laws): Effective date March 18, 2010.',
    ]);
    // `02/01` names no year: no date is made up for it.
    expect(issue.updates[0]?.at).toBeUndefined();
    expect(issue.status).toBe('resolved');
    // The row above the actions is the bill's own: its number and what it is about.
    expect(issue.source.caseNumber).toBe('HB 3623');
    expect(issue.description).toContain('Relating to human trafficking information');
  });

  it('a bill still in committee is in progress, not accepted', () => {
    const issue = extract(
      billPage([
        ['01/11 (H)', "First reading. Referred to Speaker's desk."],
        ['01/21 (H)', 'Referred to Rules.'],
        ['02/21 (H)', 'Public Hearing held.'],
      ]),
      BILL_URL,
    ).issues[0]!;
    expect(issue.status).toBe('in_progress');
    expect(mapBillAction('Referred to Rules.')).toBe('in_progress');
    expect(mapBillAction('In committee upon adjournment.')).toBe('closed');
    expect(mapBillAction('Read the second time. Placed on Senate Legislative Calendar under General Orders.')).toBe(
      'in_progress',
    );
    // Two rows are no history: a page's two dated lines stay where they were.
    const two = extract(
      billPage([
        ['01/11 (H)', 'First reading.'],
        ['01/21 (H)', 'Referred to Rules.'],
      ]),
      BILL_URL,
    );
    expect(two.issues[0]?.updates).toEqual([]);
  });

  it('pages on a .us domain write dates month first', () => {
    const ctx = pageDateContext({ url: BILL_URL });
    expect(ctx.numericOrder).toBe('mdy');
    expect(parseDate('9/7/2011', ctx)?.slice(0, 10)).toBe('2011-09-07');
  });

  it("a heading that says the <title>'s words with a hyphen and a word more is the title", () => {
    const issue = extract(
      `<html lang="de"><head><title>Mailaktion an den Bundestag</title></head><body>
      <table><tr><td><h1>Mail-Aktion an den Deutschen Bundestag</h1></td></tr>
      <tr><td><a href="rentenpolitik.htm">Rentenpolitik</a> | <a href="mailaktion.htm">Mailaktion Bundestag</a></td></tr></table>
      <table><tr><td><p>Ich habe eine Mail-Aktion an die Mitglieder des Bundestages gestartet. Sehr geehrte Damen und Herren,
      ich protestiere gegen die erneute Halbierung des Sparerfreibetrages.</p></td></tr></table></body></html>`,
      'https://www.example.de/mailaktion.htm',
    ).issues[0]!;
    expect(issue.title).toBe('Mail-Aktion an den Deutschen Bundestag');
  });

  // us-thomas-*-bill-status (held-out-en): these causes were fixed after that batch was scored once, so those pages
  // no longer count as unseen.
  const thomas = (
    latestTitle: string,
  ) => `<html><head><title>Bill Summary &amp; Status - 112th Congress - S.227 - THOMAS</title></head>
<body><div id="crumb">The Library of Congress &gt; THOMAS Home &gt; Search Results</div><div id="content">
<h1 align="center">Bill Summary &amp; Status <br> 113th Congress (2013 - 2014)  <br>S.227<br>All Information</h1><hr/>
<br /><b>S.227</b>
<br /><b>Latest Title:</b> ${latestTitle}
<br /><b>Sponsor: </b><a href="/cgi-bin/bdquery/x">Sen Leahy, Patrick J.</a> [VT]
(introduced 2/4/2013)
<hr /><b>SUMMARY:</b><p>***NONE***
<hr /><b>MAJOR ACTIONS:</b>
<p><table><tr><td>2/4/2013</td><td>Introduced in Senate</td></tr>
<tr><td>2/4/2013</td><td>Passed/agreed to in Senate: Introduced in the Senate and passed.</td></tr>
<tr><td>2/5/2013</td><td>Held at the desk.</td></tr></table>
<hr /><b>ALL ACTIONS:</b>
<dl><dt><strong>2/4/2013:</strong><dd>Introduced in the Senate, read twice, considered, read the third time, and passed.
<dt><strong>2/5/2013:</strong><dd>Message on Senate action sent to the House.
<dt><strong>2/5/2013 12:28pm:</strong><dd>Received in the House.
<dt><strong>2/5/2013 1:14pm:</strong><dd>Held at the desk.
</dl></div></body></html>`;

  it('a bill status page: `Label:` then text, a code the heading names, and its full list of dated actions', () => {
    const url = 'http://thomas.loc.gov/cgi-bin/bdquery/z?d113:S.227:@@@L';
    const issue = extract(thomas('Embassy Security Funds Transfer Act of 2013'), url).issues[0]!;
    expect(issue.title).toBe('Embassy Security Funds Transfer Act of 2013');
    expect(issue.source.caseNumber).toBe('S.227');
    expect(issue.reporter.name).toBe('Sen Leahy, Patrick J.');
    // The dated terms of `ALL ACTIONS`; the `MAJOR ACTIONS` table only repeats some of their days.
    expect(issue.updates.map((u) => u.text)).toEqual([
      'Introduced in the Senate, read twice, considered, read the third time, and passed.',
      'Message on Senate action sent to the House.',
      'Received in the House.',
      'Held at the desk.',
    ]);
    expect(issue.updates[3]?.at).toBe('2013-02-05T13:14:00-05:00');
    // `***NONE***` is a placeholder, not a value.
    expect(JSON.stringify(issue)).not.toContain('***NONE***');
  });

  it('a long labelled title of one sentence is still the title', () => {
    const long =
      'A resolution amending the Standing Rules of the Senate to provide for cloture to be invoked with less than a three-fifths majority after additional debate.';
    const issue = extract(thomas(long), 'http://thomas.loc.gov/cgi-bin/bdquery/z?d113:S.RES.5:@@@L').issues[0]!;
    expect(issue.title).toBe(long);
  });

  // us-thomas-hconres74-bill-status, us-thomas-hr1954-bill-status, us-thomas-s54-bill-status,
  // us-thomas-hr718-bill-status (held-out-en, tuned on since): what the first fixes left.
  const resolution = `<html><head><title>Bill Summary &amp; Status - H.CON.RES.74 - THOMAS</title></head>
<body><div id="content">
<h1 align="center">Bill Summary &amp; Status <br>H.CON.RES.74<br>All Information</h1><hr/><font size="3"><strong>
<br/><a href="/home/LegislativeData.php?n=BSS">NEW SEARCH</a>
 | <a href="/">HOME</a>
 | <a href="/bss/navhelp.html">HELP</a>
</strong></font><hr/>
<br /><b>H.CON.RES.74</b>
<br /><b>Latest Title:</b> Providing for a joint session of Congress to receive a message from the President.
<br /><b>Sponsor: </b><a href="/x">Rep Poe, Ted</a> [TX-2] (introduced 9/7/2011)
<hr /><b><a name="summary">SUMMARY AS OF:</a></b>
<br />9/7/2011--Passed Senate without amendment.&nbsp;&nbsp;(There are 2 <a href="/y">other summaries</a>)
<p>  <p><b>(This measure has not been amended since it was introduced.)</b></p> <p>Provides for a joint session of Congress on September 8, 2011, to receive a message from the President.</p>
<hr /><b>ALL ACTIONS:</b>
<dl><dt><strong>9/7/2011 2:12pm:</strong><dd>On agreeing to the resolution Agreed to without objection.
<dt><strong>9/7/2011 2:12pm:</strong><dd>Motion to reconsider laid on the table Agreed to without objection.
<dt><strong>9/8/2011:</strong><dd>Message on Senate action sent to the House.
</dl>
<hr /><a name="committees"><b>COMMITTEE(S):</b></a><ul>
<p><table border=0 cellpadding=3 cellspacing=0 width=100%>
<tr><td colspan=2><b>Committee/Subcommittee:</b></td><td width=65%><b>Activity:</b></td></tr>
<tr><td colspan=2><a href="/z">House Rules</a> </td><td width="65%">Referral, In Committee</td></tr>
<tr><td>&nbsp;</td><td>Subcommittee on Legislative Process</td><td>Hearings</td></tr>
</table></ul>
<hr /><b><a name="rel-bill-detail">RELATED BILL DETAILS:&nbsp;&nbsp;(additional related bills may be indentified in Status)</a></b><ul>
<p><table border="0"><tr><td><b>Bill:</b></td><td><b>Relationship:</b></td></tr>
<tr><td><a href="/w">H.CON.RES.10</a></td><td>Related bill identified by CRS</td></tr></table></ul>
</div></body></html>`;

  it('a committee table (labels over values) names the department; a `LABEL AS OF:` section is the description', () => {
    const issue = extract(resolution, 'http://thomas.loc.gov/cgi-bin/bdquery/z?d112:H.CON.RES.74:@@@L').issues[0]!;
    expect(issue.department).toBe('House Rules');
    expect(issue.description).toContain('Provides for a joint session of Congress on September 8, 2011');
    // `RELATED BILL DETAILS:` names other bills: its note is not this case's description.
    expect(issue.description).not.toContain('additional related bills');
    // A bar of links and `|` separators is a menu, never part of the text.
    expect(JSON.stringify(issue)).not.toContain('NEW SEARCH');
  });

  it('a resolution agreed to is resolved; a procedural motion agreed to decides nothing', () => {
    const issue = extract(resolution, 'http://thomas.loc.gov/cgi-bin/bdquery/z?d112:H.CON.RES.74:@@@L').issues[0]!;
    expect(issue.status).toBe('resolved');
    expect(mapBillAction('Motion to reconsider laid on the table Agreed to without objection.')).toBeUndefined();
    expect(mapBillAction('Received in the Senate, considered, and agreed to without amendment.')).toBe('resolved');
    expect(mapBillAction('Failed of passage/not agreed to in House.')).toBe('rejected');
    expect(mapBillAction('Disagreed to in Senate by Voice Vote.')).toBe('rejected');
  });
});
