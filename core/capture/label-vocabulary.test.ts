import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';
import { mapStatus } from './status';

/**
 * The vocabulary gathered from public scrapers (label-vocabulary.ts, status.ts MEETING_STATES and UK_PLANNING_STATES):
 * UK planning registers, US bill pages, Chinese letter boards. Every label and status word below was unknown or read
 * as another field before those tables; the markups are hand-written, no page behind them.
 */
const NOW = new Date('2026-06-02T00:00:00Z');

const LABELS: Record<string, string[]> = {
  caseNumber: ['来文号：'],
  reportedAt: [
    'Date Application Received',
    'Validated',
    'Date Application Validated',
    'Date of Validation',
    'Valid From',
    'Prefiled',
  ],
  description: ['Development', 'Synopsis'],
  address: ['Address of Proposal', 'Location of Proposal', 'Location Postcode'],
  status: ['Council Decision', 'Committee Decision', 'Delegated Decision', 'Decision Notice'],
  updateAt: ['Date Decision Made', 'Decision Issued Date', 'Decided On', 'Despatch Date', 'Date Decision Despatched'],
  department: ['Case Officer Name', 'Officer Name', 'Officer Responsible', '留言对象：', '分派至部门'],
  category: ['Development Type', 'Type of Application'],
  reporterName: ['Chief Patron', 'Sponsored by'],
  ignore: [
    'Ward',
    'Parish',
    'Electoral Division',
    'Agent Name',
    "Agent's Name",
    'Agent Phone Number',
    'Target Decision Date',
    'Consultation Expiry Date',
    'Site Notice Expiry Date',
    'Appeal Received',
    'Appeal Decision',
    'Decision Level',
    'Planning Portal Reference',
    'Co-Sponsors',
  ],
};

describe('scraper vocabulary: labels (label-vocabulary.ts)', () => {
  for (const [field, labels] of Object.entries(LABELS)) {
    it.each(labels)(`%s → ${field}`, (label) => {
      expect(matchLabel(label)?.field).toBe(field);
    });
  }

  it('keeps the words already known to their field (the new tables only add)', () => {
    expect(matchLabel('Decision')?.field).toBe('status');
    expect(matchLabel('Location Address')?.field).toBe('address');
    expect(matchLabel('Date of Decision')?.field).toBe('reportedAt');
  });
});

const STATUS_WORDS: Record<string, string[]> = {
  closed: ['Meeting Cancelled', 'Cancellation', 'Not Proceeded With', 'Finally Disposed Of'],
  in_progress: ['Rescheduled', 'Postponed', 'Pending Consideration', 'Awaiting Determination', 'Appeal Lodged'],
  resolved: ['Grant Permission', 'Granted Subject to Conditions', 'Permitted', 'Prior Approval Not Required'],
  rejected: ['Refuse', 'Refuse Permission', 'Prior Approval Refused'],
};

describe('scraper vocabulary: status words (status.ts)', () => {
  for (const [status, words] of Object.entries(STATUS_WORDS)) {
    it.each(words)(`%s → ${status}`, (word) => {
      expect(mapStatus(word, true)).toBe(status);
    });
  }
});

const read = (html: string, url: string) => {
  const { issues } = extractIssues(parseHtml(html, url), { url, now: NOW });
  expect(issues).toHaveLength(1);
  return issues[0]!;
};

describe('scraper vocabulary through the label reader', () => {
  it('a UK planning register as th/td rows: validation date, proposal site, officer, decision; agent and ward left out', () => {
    const html = `<html><head><title>Planning application 21/00417/FUL</title></head><body>
<h1>Two storey side extension and loft conversion</h1>
<table class="details">
<tr><th>Application Number</th><td>21/00417/FUL</td></tr>
<tr><th>Appeal Received</th><td>02/11/2021</td></tr>
<tr><th>Date Application Validated</th><td>15/03/2021</td></tr>
<tr><th>Location of Proposal</th><td>27 Mill Road, Ashford TN24 8AB</td></tr>
<tr><th>Ward</th><td>Victoria</td></tr>
<tr><th>Development</th><td>Erection of a two storey side extension and a loft conversion with rear dormer.</td></tr>
<tr><th>Agent Name</th><td>Hill Design Ltd</td></tr>
<tr><th>Officer Name</th><td>Planning Team South</td></tr>
<tr><th>Council Decision</th><td>Grant Permission</td></tr>
<tr><th>Decision Issued Date</th><td>20/05/2021</td></tr>
</table></body></html>`;
    const issue = read(html, 'https://planning.example.gov.uk/Northgate/PlanningExplorer/Generic/StdDetails.aspx');
    expect(issue.source.caseNumber).toBe('21/00417/FUL');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2021-03-15');
    expect(issue.location.address).toBe('27 Mill Road, Ashford TN24 8AB');
    expect(issue.description).toBe('Erection of a two storey side extension and a loft conversion with rear dormer.');
    expect(issue.department).toBe('Planning Team South');
    expect(issue.status).toBe('resolved');
    expect(issue.reporter.name).toBeUndefined();
    expect(JSON.stringify(issue)).not.toContain('Hill Design');
  });

  it('a bill page as a dt/dd list: patron, prefiling date, synopsis; co-sponsors are not the reporter', () => {
    const html = `<html><head><title>HB 1432 - Bill status</title></head><body>
<h1>HB 1432: Relating to speed limits near schools</h1>
<dl>
<dt>Bill Number</dt><dd>HB 1432</dd>
<dt>Co-Sponsors</dt><dd>Delegate Ruiz, Delegate Park</dd>
<dt>Chief Patron</dt><dd>Delegate Morgan</dd>
<dt>Prefiled</dt><dd>01/08/2024</dd>
<dt>Synopsis</dt><dd>Lowers the speed limit to 15 miles per hour within school zones during school hours.</dd>
<dt>Bill Status</dt><dd>Postponed</dd>
</dl></body></html>`;
    const issue = read(html, 'https://lis.example.gov/bill-details/20241/HB1432');
    expect(issue.source.caseNumber).toBe('HB 1432');
    expect(issue.reporter.name).toBe('Delegate Morgan');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2024-01-08');
    expect(issue.description).toBe(
      'Lowers the speed limit to 15 miles per hour within school zones during school hours.',
    );
    expect(issue.status).toBe('in_progress');
  });

  it('a letter board as `Label：value` paragraphs: 来文号, 留言对象 (the body asked to act)', () => {
    const html = `<html><head><title>群众来信详情</title></head><body>
<h1>关于幸福路路灯长期不亮的问题</h1>
<div class="letter">
<p>来文号：LW2026-0417-0031</p>
<p>留言对象：市城市管理局</p>
<p>信访人：张先生</p>
<p>来文时间：2026-04-17 09:30</p>
<p>来信内容：幸福路东段路灯已经一个多月不亮，夜间行人和电动车很危险，请尽快维修。</p>
</div></body></html>`;
    const issue = read(html, 'https://xf.example.gov.cn/letter/detail?id=31');
    expect(issue.source.caseNumber).toBe('LW2026-0417-0031');
    expect(issue.department).toBe('市城市管理局');
    expect(issue.reporter.name).toBe('张先生');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2026-04-17');
  });

  it("a parliament's bill page: who brought it in, the committee given it, the day it was tabled, the paper's kind", () => {
    const swedish = `<html><head><title>Ändrade regler för fiske (Proposition 2024/25:41)</title></head><body>
<h1>Ändrade regler för fiske i Östersjön</h1>
<dl><dt>Inlämnat av</dt><dd>Landsbygdsdepartementet</dd><dt>Tilldelat</dt><dd>Miljö- och jordbruksutskottet</dd></dl>
<p>Propositionen innehåller förslag om ändrade regler för fiske med trål i Östersjön och Bottniska viken.</p>
</body></html>`;
    const se = read(swedish, 'https://riksdag.example.se/dokument/proposition/fiske_hc0341/');
    expect(se.reporter.name).toBe('Landsbygdsdepartementet');
    expect(se.department).toBe('Miljö- och jordbruksutskottet');
    const hungarian = `<html><head><title>Iromány adatai</title></head><body>
<h1>A helyi adókról szóló törvény módosításáról</h1>
<table><tr><td>Típus</td><td>törvényjavaslat</td></tr><tr><td>Főtípus</td><td>javaslat</td></tr>
<tr><td>Benyújtva</td><td>2021.03.09.</td></tr><tr><td>Benyújtó(k)</td><td>Kiss Anna (független)</td></tr></table>
</body></html>`;
    const hu = read(hungarian, 'https://parlament.example.hu/iromany?p=T/15123');
    expect(hu.category).toBe('törvényjavaslat');
    expect(hu.reportedAt?.slice(0, 10)).toBe('2021-03-09');
    expect(hu.reporter.name).toBe('Kiss Anna (független)');
  });
});
