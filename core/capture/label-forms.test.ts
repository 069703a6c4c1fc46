import { describe, expect, it } from 'vitest';
import { extractIssues } from './extract';
import { matchLabel } from './labels';
import { parseHtml } from './node';
import { mapStatus } from './status';

/**
 * Label reading across domains and markups (issue 18, general): the words portals use for each case field — planning
 * registers, courts, legislatures, FOI and 12345/信访/留言板 sites — in every usual markup. Hand-written snippets, not
 * copies of any page: each fails if a word or a markup stops being read.
 */
const NOW = new Date('2026-06-02T00:00:00Z');

const LABELS: Record<string, string[]> = {
  title: ['Case Title', 'Case Name', 'Matter Name', 'Short Title', 'Subject Line', 'Request Summary', 'Heading'],
  update: ['Agency Response', 'Result', 'Outcome'],
  caseNumber: [
    'Application No.',
    'Application Number:',
    'Reference',
    'Ref #',
    'File #',
    'File No.',
    'Case Number',
    'Docket No.',
    'Case/Docket Number',
    'Matter',
    'Matter No.',
    'Request ID',
    'Tracking Number',
    '工单编号',
    '信件编号',
    '留言编号：',
  ],
  reportedAt: [
    'Lodged',
    'Lodgement Date',
    'Date Submitted',
    'Received',
    'Filed',
    'Date Filed',
    'Opened',
    'Created On',
    'Intro Date',
    'Date Introduced',
    'Application Date',
    'Application Received',
    'Submission Date',
    'Date of Submission',
    '提交时间',
    '来信时间',
    '留言时间：',
    '受理时间',
  ],
  status: ['Status:', 'Stage', 'Current Stage', 'Decision', 'Determination', 'State', '办理状态', '处理状态', '状态：'],
  department: [
    'Responsible Officer',
    'Assigned To',
    'Authority',
    'Committee',
    'Committee/Subcommittee',
    'Court',
    'Division',
    'Handling Unit',
    '承办单位',
    '办理单位',
    '责任单位',
  ],
  description: [
    'Proposal',
    'Description',
    'Details',
    'Nature of Application',
    'Nature of Complaint',
    'Description of Works',
    '诉求内容',
    '来信内容',
    '留言内容',
    '问题描述',
  ],
  address: ['Address', 'Property', 'Site', 'Location', 'Site Address', 'Address/Location', '地址', '地点', '事发地点'],
  reporterName: ['Applicant', 'Requester', 'Petitioner', 'Submitted by', 'Complainant', '来信人', '留言人', '反映人'],
};

describe('label vocabulary (labels.ts ENTRIES and suffix rules)', () => {
  for (const [field, labels] of Object.entries(LABELS)) {
    it.each(labels)(`%s → ${field}`, (label) => {
      expect(matchLabel(label)?.field).toBe(field);
    });
  }

  it('reads a label the same with or without colon, full-width colon, case or number sign', () => {
    for (const l of ['Case Number', 'case number:', 'CASE NUMBER：', 'Case No.', 'Case #', 'Case Ref', 'Case ID']) {
      expect(matchLabel(l)?.field, l).toBe('caseNumber');
    }
  });

  it('does not take a phone or account number for the case number', () => {
    expect(matchLabel('Phone No.')?.field).toBe('phone');
    expect(matchLabel('Contact Number')?.field).toBe('phone');
    expect(matchLabel('Account Number')?.field).toBe('secret');
  });

  it('a label about other records (`Related Applications`) is left out', () => {
    expect(matchLabel('Related Applications')?.field).toBe('ignore');
    expect(matchLabel('Related Bill Details')?.field).toBe('ignore');
  });

  it('a label dated `as of …` is the label', () => {
    expect(matchLabel('Status as at 3 May 2020:')?.field).toBe('status');
    expect(matchLabel('SUMMARY AS OF:')?.field).toBe('title');
  });
});

const STATUS_WORDS: Record<string, string[]> = {
  resolved: [
    'Approved',
    'Determined',
    'Decided',
    'Granted',
    'Finalised',
    'Issued',
    'Finaled',
    '待评价',
    '已办结',
    '已回复',
    '已答复',
  ],
  rejected: ['Refused', 'Dismissed', 'Not approved', 'Declined', '审核未通过', '不予受理', '已驳回'],
  closed: ['Withdrawn', 'Closed', 'Lapsed', 'Cancelled', 'Abandoned', 'Expired', 'Void', '已关闭', '已撤回'],
  in_progress: [
    'Under Assessment',
    'On Exhibition',
    'Under Review',
    'Being Processed',
    'On Hold',
    'Plan Review',
    'Reopened',
    '转办中',
    '办理中',
    '处理中',
  ],
  accepted: ['Accepted', 'Received', 'Registered', '已受理', '已签收'],
  new: ['Pending', 'Lodged', 'Submitted', 'Open', '未回复', '未答复', '待办理', '待受理'],
};

describe('status words (status.ts WORDS and PLANNING_REGISTER_STATES)', () => {
  for (const [status, words] of Object.entries(STATUS_WORDS)) {
    it.each(words)(`%s → ${status}`, (word) => {
      expect(mapStatus(word, true)).toBe(status);
    });
  }
});

type Field = 'caseNumber' | 'reportedAt' | 'status' | 'department' | 'description' | 'address' | 'reporterName';
type Row = [label: string, value: string];

/** The same seven fields in each markup portals use. */
const FORMS: Record<string, (rows: Row[]) => string> = {
  'th/td rows': (rows) => `<table>${rows.map(([l, v]) => `<tr><th>${l}</th><td>${v}</td></tr>`).join('')}</table>`,
  'td/td rows': (rows) => `<table>${rows.map(([l, v]) => `<tr><td>${l}</td><td>${v}</td></tr>`).join('')}</table>`,
  'dt/dd': (rows) => `<dl>${rows.map(([l, v]) => `<dt>${l}</dt><dd>${v}</dd>`).join('')}</dl>`,
  'bold label + text': (rows) => `<div>${rows.map(([l, v]) => `<b>${l}:</b> ${v}<br>`).join('\n')}</div>`,
  'label span + value span': (rows) =>
    rows
      .map(([l, v]) => `<p class="row"><span class="key">${l}</span><span class="inputField">${v}</span></p>`)
      .join(''),
  'grid columns (label div, value div)': (rows) =>
    rows
      .map(([l, v]) => `<div class="row"><div class="col-sm-4">${l}</div><div class="col-sm-8">${v}</div></div>`)
      .join(''),
  'field blocks (field-label: + field-item)': (rows) =>
    rows
      .map(
        ([l, v]) =>
          `<div class="field"><div class="field-label">${l}:&nbsp;</div><div class="field-items"><div class="field-item">${v}</div></div></div>`,
      )
      .join(''),
  'list items (<li><strong>Label:</strong> value)': (rows) =>
    `<ul>${rows.map(([l, v]) => `<li><strong>${l}:</strong> ${v}</li>`).join('')}</ul>`,
  'two pairs per row (th td th td)': (rows) =>
    `<table>${rows
      .map((r, i) => (i % 2 ? null : [r, rows[i + 1]]))
      .filter((p) => p !== null)
      .map((p) => `<tr>${p.map((r) => (r ? `<th>${r[0]}</th><td>${r[1]}</td>` : '')).join('')}</tr>`)
      .join('')}</table>`,
  'label span, colon, value span': (rows) =>
    rows.map(([l, v]) => `<div><span class="lbl">${l}</span>: <span class="val">${v}</span></div>`).join(''),
  'labels in a row over values in a row': (rows) =>
    `<table><tr>${rows.map(([l]) => `<th>${l}</th>`).join('')}</tr><tr>${rows
      .map(([, v]) => `<td>${v}</td>`)
      .join('')}</tr></table>`,
  '`Label: value` in one cell': (rows) =>
    `<table>${rows.map(([l, v]) => `<tr><td>${l}: ${v}</td></tr>`).join('')}</table>`,
};

const page = (body: string) =>
  `<html><head><title>Case detail</title></head><body><h1>Shed to dwelling at the rear of the lot</h1>${body}</body></html>`;

const ENGLISH: Record<Field, Row> = {
  caseNumber: ['File #', 'DA-2020/0417'],
  reportedAt: ['Date Filed', '2020-03-13'],
  status: ['Stage', 'Under Assessment'],
  department: ['Responsible Officer', 'Development Assessment Team'],
  description: ['Nature of Application', 'Change of use of an existing shed to a dwelling, with a new deck.'],
  address: ['Property', '103 Wollar Road MUDGEE NSW 2850'],
  reporterName: ['Petitioner', 'Ann Hart'],
};
const REGISTER: Record<Field, Row> = {
  caseNumber: ['Matter No.', 'S ECI 2020 01234'],
  reportedAt: ['Lodged', '2020-03-13'],
  status: ['Decision', 'Approved'],
  department: ['Court', 'Supreme Court of Victoria'],
  description: ['Description of Works', 'Two storey dwelling with a swimming pool and front fence.'],
  address: ['Site Address', '12 High Street KEW VIC 3101'],
  reporterName: ['Applicant', 'Bo Lee'],
};
const REQUEST: Record<Field, Row> = {
  caseNumber: ['Request ID', 'SR-2020-88812'],
  reportedAt: ['Opened', '2020-03-13'],
  status: ['State', 'Closed'],
  department: ['Assigned To', 'Streets and Sanitation'],
  description: ['Details', 'Overflowing litter bin at the bus stop, not emptied for a week.'],
  address: ['Location', '1600 W Chicago Ave'],
  reporterName: ['Requester', 'Cy Ray'],
};
const CHINESE: Record<Field, Row> = {
  caseNumber: ['信件编号', 'XF20260417001'],
  reportedAt: ['来信时间', '2026-04-17 09:30'],
  status: ['办理状态', '已办结'],
  department: ['承办单位', '市城市管理局'],
  description: ['来信内容', '小区门口道路破损严重，雨天积水，请尽快维修。'],
  address: ['事发地点', '幸福路12号'],
  reporterName: ['来信人', '张先生'],
};

const HOTLINE: Record<Field, Row> = {
  caseNumber: ['工单编号', 'GD-20260417-0052'],
  reportedAt: ['受理时间', '2026-04-17 10:02'],
  status: ['处理状态', '办理中'],
  department: ['办理单位', '幸福街道办事处'],
  description: ['诉求内容', '幸福路夜间施工噪音扰民，凌晨两点仍在作业，希望尽快处理。'],
  address: ['地址', '幸福路88号'],
  reporterName: ['反映人', '李女士'],
};
const BOARD: Record<Field, Row> = {
  caseNumber: ['留言编号', 'LY2026041700012'],
  reportedAt: ['留言时间', '2026-04-17 21:14'],
  status: ['状态', '已回复'],
  // The unit that replied handles the case when no 承办单位 is named.
  department: ['回复单位', '区住房和城乡建设局'],
  description: ['留言内容', '小区电梯多次困人，物业迟迟不维修，请相关部门督促。'],
  address: ['地点', '和平小区3栋'],
  reporterName: ['留言人', '王**'],
};

const WANT = (rows: Record<Field, Row>): Record<string, unknown> => ({
  'source.caseNumber': rows.caseNumber[1],
  status: mapStatus(rows.status[1]),
  department: rows.department[1],
  description: rows.description[1],
  'location.address': rows.address[1],
  'reporter.name': rows.reporterName[1],
});

const pick = (issue: Record<string, unknown>, dotted: string) =>
  dotted.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], issue);

describe('label markups: every form reads every field', () => {
  for (const [lang, rows, url, day] of [
    ['English', ENGLISH, 'https://eservices.example.gov/case?id=1', '2020-03-13'],
    ['English (register)', REGISTER, 'https://eservices.example.gov/case?id=2', '2020-03-13'],
    ['English (request)', REQUEST, 'https://eservices.example.gov/case?id=3', '2020-03-13'],
    ['Chinese', CHINESE, 'https://12345.example.gov.cn/letter?id=1', '2026-04-17'],
    ['Chinese (hotline)', HOTLINE, 'https://12345.example.gov.cn/order?id=2', '2026-04-17'],
    ['Chinese (message board)', BOARD, 'https://liuyan.example.gov.cn/msg?id=3', '2026-04-17'],
  ] as const) {
    for (const [form, render] of Object.entries(FORMS)) {
      it(`${lang}: ${form}`, () => {
        const html = page(render(Object.values(rows)));
        const { issues } = extractIssues(parseHtml(html, url), { url, now: NOW });
        expect(issues).toHaveLength(1);
        const issue = issues[0] as unknown as Record<string, unknown>;
        for (const [path, want] of Object.entries(WANT(rows))) expect(pick(issue, path), path).toBe(want);
        expect(String(issue.reportedAt).slice(0, 10)).toBe(day);
      });
    }
  }
});

describe('a planning application page laid out as a register (hand-written, no page behind it)', () => {
  // A summary tab of `<th scope="row">` labels under a heading that only names the tab, tabs as a list of links.
  const html = `<html><head><title>Planning Applications - 20/01234/FUL</title></head><body>
<div id="pa"><h1>Summary</h1>
<div class="tabcontainer"><ul class="tabs"><li><a href="#s">Summary</a></li><li><a href="#f">Further Information</a></li>
<li><a href="#d">Important Dates</a></li></ul>
<table id="simpleDetailsTable">
<tr><th scope="row">Reference</th><td>20/01234/FUL</td></tr>
<tr><th scope="row">Application Received</th><td>Fri 13 Mar 2020</td></tr>
<tr><th scope="row">Address</th><td>14 Church Lane Oxford OX1 2AB</td></tr>
<tr><th scope="row">Proposal</th><td>Erection of a single storey rear extension.</td></tr>
<tr><th scope="row">Status</th><td>Decided</td></tr>
<tr><th scope="row">Appeal Status</th><td>Unknown</td></tr>
</table></div></div></body></html>`;

  it('reads every field; neither the tab heading nor a tab link is a label, the title is no page type', () => {
    const url = 'https://publicaccess.example.gov.uk/online-applications/applicationDetails.do?keyVal=X';
    const issue = extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]!;
    expect(issue.source.caseNumber).toBe('20/01234/FUL');
    expect(issue.reportedAt).toBe('2020-03-13T00:00:00+00:00');
    expect(issue.location.address).toBe('14 Church Lane Oxford OX1 2AB');
    expect(issue.description).toBe('Erection of a single storey rear extension.');
    expect(issue.status).toBe('resolved');
    expect(issue.title).toBe('Erection of a single storey rear extension');
    expect(JSON.stringify(issue)).not.toContain('Further Information');
  });
});

describe('list rows', () => {
  it('a header grid (`Request # | Type | Address | Date Created | Status`) gives one case per row', () => {
    const row = (n: string, type: string, addr: string, d: string, st: string) =>
      `<tr><td><a href="/sr/${n}">SR-${n}</a></td><td>${type}</td><td>${addr}</td><td>${d}</td><td>${st}</td></tr>`;
    const html = `<html><head><title>Service Requests</title></head><body><h1>Recent service requests</h1>
<table><thead><tr><th>Request #</th><th>Type</th><th>Address</th><th>Date Created</th><th>Status</th></tr></thead><tbody>
${row('101', 'Pothole', '12 Main St', '03/12/2020', 'Open')}${row('102', 'Graffiti', '5 Oak Ave', '03/13/2020', 'Closed')}
${row('103', 'Street Light Out', '900 Pine Rd', '03/14/2020', 'In Progress')}</tbody></table></body></html>`;
    const url = 'https://311.example.gov/requests';
    const { issues, kind } = extractIssues(parseHtml(html, url), { url, now: NOW });
    expect(kind).toBe('list');
    expect(issues.map((i) => i.source.caseNumber)).toEqual(['SR-101', 'SR-102', 'SR-103']);
    expect(issues.map((i) => i.status)).toEqual(['new', 'closed', 'in_progress']);
    expect(issues[1]!.location.address).toBe('5 Oak Ave');
    expect(issues[2]!.reportedAt).toBe('2020-03-14T00:00:00-04:00');
    // No title column: each row is named by what and where, never by the list's <title>.
    expect(issues[0]!.title).toBe('Pothole · 12 Main St');
  });

  it('a letter list (`信件编号 | 信件标题 | 来信时间 | 办理状态 | 承办单位`) with a header row of plain cells', () => {
    const row = (n: string, t: string, d: string, st: string, dep: string) =>
      `<tr><td>${n}</td><td><a href="/x/${n}">${t}</a></td><td>${d}</td><td>${st}</td><td>${dep}</td></tr>`;
    const html = `<html><head><title>信件列表_市长信箱</title></head><body><table>
<tr><td>信件编号</td><td>信件标题</td><td>来信时间</td><td>办理状态</td><td>承办单位</td></tr>
${row('XJ001', '小区噪音扰民', '2026-04-01', '已办结', '市生态环境局')}${row('XJ002', '道路积水', '2026-04-02', '办理中', '市城管局')}
${row('XJ003', '公交线路调整建议', '2026-04-03', '未回复', '市交通局')}</table></body></html>`;
    const url = 'https://www.example.gov.cn/szxx/list';
    const { issues } = extractIssues(parseHtml(html, url), { url, now: NOW });
    expect(issues.map((i) => [i.title, i.status, i.department])).toEqual([
      ['小区噪音扰民', 'resolved', '市生态环境局'],
      ['道路积水', 'in_progress', '市城管局'],
      ['公交线路调整建议', 'new', '市交通局'],
    ]);
  });
});

describe('phrases instead of labels (phrases.ts PHRASE_LABELS)', () => {
  // An issue tracker's page, hand-written: a badge, the heading, meta lines as phrases, the text.
  const html = `<html><head><title>Pothole on Main Street - Tracker</title></head><body><main><div class="issue">
<div class="issue-status">Acknowledged</div>
<h1 class="issue-title">Pothole on Main Street</h1>
<div class="issue-address">123 Main St, New Haven, CT 06510</div>
<div class="issue-meta">Submitted by <span>Jane D.</span> on <time datetime="2020-03-13T15:05:00-04:00">Mar 13, 2020</time></div>
<p class="issue-description">Large pothole in the right lane near the bus stop, about a foot wide and several inches deep.</p>
<div class="issue-assignee">Assigned to <span>Public Works Department</span></div>
</div></main></body></html>`;

  it('`Assigned to X` names the department, `Submitted by X on <date>` the reporter and the date', () => {
    const url = 'https://tracker.example.com/issues/123';
    const issue = extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]!;
    expect(issue.department).toBe('Public Works Department');
    expect(issue.reporter.name).toBe('Jane D.');
    expect(issue.reportedAt?.slice(0, 10)).toBe('2020-03-13');
    expect(issue.status).toBe('accepted');
    // Neither the badge nor the phrase lines are words of the description.
    expect(issue.description).toBe(
      'Large pothole in the right lane near the bus stop, about a foot wide and several inches deep.',
    );
  });

  it('a sentence that happens to start like a phrase is no value', () => {
    const prose = html.replace(
      'Assigned to <span>Public Works Department</span>',
      'Sent to you because you asked for updates on this street',
    );
    const url = 'https://tracker.example.com/issues/124';
    expect(extractIssues(parseHtml(prose, url), { url, now: NOW }).issues[0]!.department).toBeUndefined();
  });
});

describe('inline labels run together with the value before them', () => {
  it('`<b>回复单位：</b>市市场监督管理局<b>回复时间：</b>…`: each label ends the value before it', () => {
    const html = `<html><head><title>关于幸福小区电梯故障的投诉-问政平台</title></head><body><div class="wz-detail">
<div class="wz-title">关于幸福小区电梯故障的投诉</div>
<div class="wz-info"><span>编号：WZ2026041700088</span><span>网友：幸福小区居民</span><span>时间：2026-04-17 09:12:33</span><span>状态：<em>已回复</em></span></div>
<div class="wz-content">幸福小区3栋电梯近一个月内多次故障，困人两次，物业一直推脱，请有关部门督促物业尽快维修。</div>
<div class="wz-reply"><div class="reply-head"><b>回复单位：</b>市市场监督管理局<b>回复时间：</b>2026-04-20 16:45</div>
<div class="reply-content">您好！接到反映后，我局工作人员于4月18日到现场检查，已责令物业公司立即维修，目前电梯已恢复正常运行。</div></div>
</div></body></html>`;
    const url = 'https://wz.example.gov.cn/detail?id=88';
    const issue = extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]!;
    expect(issue.department).toBe('市市场监督管理局');
    expect(issue.source.caseNumber).toBe('WZ2026041700088');
    expect(issue.status).toBe('resolved');
  });
});

describe('legislatures: bill labels and what a bill came to', () => {
  it.each([
    ['Primary Sponsor', 'reporterName'],
    ['Introduced By', 'reporterName'],
    ['Caption Text', 'title'],
    ['Subjects', 'category'],
    ['Bill No.', 'caseNumber'],
    ['Last Action', 'status'],
    ['Application Number ▼', 'caseNumber'],
  ])('%s → %s', (label, field) => {
    expect(matchLabel(label)?.field).toBe(field);
  });

  it('a status label holding a bill action reads as the action says; a real status label outranks it', () => {
    const page = (rows: string) =>
      `<html><head><title>HB 12</title></head><body><h1>HB 12 Relating to water rights</h1><table>${rows}</table></body></html>`;
    const url = 'https://legislature.example.gov/bills/hb12';
    const read = (rows: string) => extractIssues(parseHtml(page(rows), url), { url, now: NOW }).issues[0]!.status;
    expect(read('<tr><th>Last Action</th><td>5/31/2011 Signed by Governor; Chaptered</td></tr>')).toBe('resolved');
    expect(read('<tr><th>Last Action</th><td>Indefinitely postponed in committee</td></tr>')).toBe('rejected');
    expect(
      read('<tr><th>Status</th><td>In Committee</td></tr><tr><th>Last Action</th><td>Signed by Governor</td></tr>'),
    ).toBe('in_progress');
  });
});

describe("the page's controls are no words of the description", () => {
  it('`Back to search results`, `Print this page`, `【打印本页】【关闭窗口】` are left out of the text', () => {
    const html = `<html><head><title>Noise from the night market</title></head><body><div class="main">
<p><a href="/search">Back to search results</a></p>
<h1>Noise from the night market</h1>
<p>The night market on Station Road plays amplified music until two in the morning, every weekend since March.</p>
<p>Residents of the flats above have asked the organisers twice to turn it down, without any change.</p>
<p><a href="javascript:print()">Print this page</a></p>
<div>【打印本页】【关闭窗口】</div>
</div></body></html>`;
    const url = 'https://reports.example.org/case/77';
    const issue = extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]!;
    expect(issue.description).toContain('amplified music until two in the morning');
    expect(issue.description).toContain('without any change.');
    for (const control of ['Back to search results', 'Print this page', '打印本页', '关闭窗口']) {
      expect(issue.description).not.toContain(control);
    }
  });
});

describe('a list dated only relatively', () => {
  it('`Reported 3 days ago` rows with status badges are cases, and no date is made up for them', () => {
    const item = (n: number, t: string, when: string, cat: string, badge: string) =>
      `<li class="item"><a href="/report/${n}"><h3>${t}</h3></a><p>Reported ${when} · ${cat}</p><span class="badge">${badge}</span></li>`;
    const html = `<html><head><title>Reports near you</title></head><body><main><h1>Reports near you</h1>
<ul class="item-list">${item(11, 'Broken street light', '3 days ago', 'Street lighting', 'Fixed')}
${item(12, 'Overflowing bin on Park Road', '5 days ago', 'Bins', 'Open')}
${item(13, 'Abandoned car', '2 weeks ago', 'Vehicles', 'Closed')}</ul></main></body></html>`;
    const url = 'https://reports.example.org/around';
    const { issues, kind } = extractIssues(parseHtml(html, url), { url, now: NOW });
    expect(kind).toBe('list');
    expect(issues.map((i) => [i.title, i.status])).toEqual([
      ['Broken street light', 'resolved'],
      ['Overflowing bin on Park Road', 'new'],
      ['Abandoned car', 'closed'],
    ]);
    expect(issues.every((i) => i.reportedAt === undefined)).toBe(true);
  });
});

describe('a request page that names both sides in a sentence', () => {
  it('`Request to <a>authority</a> by <a>requester</a>.` and a status box `The request was successful.`', () => {
    const html = `<html><head><title>Wheelie bin collections - a Freedom of Information request</title></head><body>
<div id="content"><h1>Wheelie bin collections</h1>
<p class="subtitle">Request to <a href="/body/springfield">Springfield Council</a> by <a href="/user/ann_hart">Ann Hart</a>.</p>
<div id="request_status"><p>The request was <strong>successful</strong>.</p></div>
<div class="correspondence_text"><p>Dear Springfield Council,</p><p>Please send me the collection rounds for wheelie bins in 2009, by street.</p></div>
</div></body></html>`;
    const url = 'https://foi.example.org/request/wheelie_bins';
    const issue = extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]!;
    expect(issue.department).toBe('Springfield Council');
    expect(issue.reporter.name).toBe('Ann Hart');
    expect(issue.status).toBe('resolved');
    expect(issue.description).toContain('collection rounds for wheelie bins');
    expect(issue.description).not.toContain('Request to Springfield Council');
  });
});

describe('a meeting page: date and time on lines of their own, a pair-only line beside the text', () => {
  it('`Date:` + `Time:` make one moment; a `Location:` line with commas is no description', () => {
    const html = `<html><head><title>Committee of the Whole - June 3, 2024 | City of Example</title></head><body><main>
<article><h1>Committee of the Whole</h1>
<div class="meeting-details"><div class="field"><span class="label">Date:</span> <span>Monday, June 3, 2024</span></div>
<div class="field"><span class="label">Time:</span> <span>6:00 PM</span></div>
<div class="field"><span class="label">Location:</span> <span>City Hall, Council Chambers, 121 N LaSalle St</span></div></div>
<p>The Committee of the Whole will consider the proposed capital budget for 2025 and the street resurfacing program.</p>
</article></main></body></html>`;
    const url = 'https://www.example.gov/meetings/cow-2024-06-03';
    const issue = extractIssues(parseHtml(html, url), { url, now: NOW }).issues[0]!;
    expect(issue.reportedAt).toBe('2024-06-03T18:00:00-04:00');
    expect(issue.location.address).toBe('City Hall, Council Chambers, 121 N LaSalle St');
    expect(issue.description).toContain('proposed capital budget for 2025');
  });
});
