import { describe, expect, it } from 'vitest';
import { isHidden } from './elements';
import { extractIssues } from './extract';
import { parseHtml } from './node';

/**
 * List shapes the last unseen pages failed on (a row's detail kept hidden beside it, each row a table of its own),
 * written apart from any page: the shape ablation's unseen-list transforms (test/capture/twice-transforms.ts) measure
 * them on every corpus list page.
 */
const NOW = new Date('2026-06-02T00:00:00Z');
const extract = (html: string, url = 'https://permits.example/search') =>
  extractIssues(parseHtml(html, url), { url, now: NOW });
const el = (cls: string) => parseHtml(`<div class="${cls}">x</div>`, 'https://x.example/').querySelector('div')!;
const page = (body: string) => `<html><head><title>Permit search</title></head><body><h1>Search results</h1>${body}
  <p>Results are updated nightly.</p></body></html>`;

const ROWS = [
  ['PA-2024-0101', '3 May 2024', 'Garage at 12 Main St'],
  ['PA-2024-0102', '4 May 2024', 'Pool at 9 Elm Rd'],
  ['PA-2024-0103', '5 May 2024', 'Shed at 1 Oak Ave'],
  ['PA-2024-0104', '6 May 2024', 'Deck at 7 Ash Ct'],
];

describe('a row followed by its detail, collapsed until clicked', () => {
  it('a Bootstrap collapse is hidden unless opened; a menu bar, an opened panel and a gutterless row are not', () => {
    expect(isHidden(el('collapse'))).toBe(true);
    expect(isHidden(el('panel-collapse collapse'))).toBe(true);
    expect(isHidden(el('collapse show'))).toBe(false);
    expect(isHidden(el('panel-collapse collapse in'))).toBe(false);
    expect(isHidden(el('collapse navbar-collapse'))).toBe(false);
    expect(isHidden(el('nav-collapse collapse'))).toBe(false);
    expect(isHidden(el('row collapse'))).toBe(false);
    // The button that opens it is marked `collapsed`, and shown.
    expect(isHidden(el('btn collapsed'))).toBe(false);
  });

  it('reads each row once, not its twin as a second case', () => {
    const rows = ROWS.map(
      ([n, d, t], i) =>
        `<tr><td><a href="/p/${i}">${n}</a></td><td>${d}</td><td>${t}</td></tr>` +
        `<tr class="collapse" id="d${i}"><td colspan="3"><div>Number: ${n}</div><div>Lodged: ${d}</div>` +
        `<div>Proposal: ${t}</div><div>Officer: Kim Lee</div></td></tr>`,
    ).join('');
    const out = extract(page(`<table><tr><th>Number</th><th>Lodged</th><th>Proposal</th></tr>${rows}</table>`));
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => i.source.caseNumber)).toEqual(ROWS.map((r) => r[0]));
    expect(out.issues[1]!.title).toBe('Pool at 9 Elm Rd');
  });
});

describe('each row a table of its own under a head table', () => {
  // Neither dated nor numbered: only the heads say what each cell is.
  const rows = [
    ['Broken streetlight', 'Lighting', '12 Main St'],
    ['Pothole outside school', 'Roads', '9 Elm Rd'],
    ['Graffiti on bus shelter', 'Cleansing', '1 Oak Ave'],
    ['Blocked drain', 'Drainage', '7 Ash Ct'],
  ];
  const head = (cells: string) => `<table class="head"><tr>${cells}</tr></table>`;
  const own = (wrap: boolean) =>
    rows
      .map(([t, c, a], i) => {
        const table = `<table style="width:635px"><tr><td>${t}</td><td>${c}</td><td>${a}</td></tr></table>`;
        return wrap ? `<div id="r${i}" onclick="toggle(this.id)">${table}</div>` : table;
      })
      .join('');

  for (const [shape, heads, wrap] of [
    ['side by side under <th> heads', '<th>Title</th><th>Category</th><th>Address</th>', false],
    ['each in a clickable block, heads in plain cells', '<td>Title</td><td>Category</td><td>Address</td>', true],
  ] as const)
    it(`reads every row as a case (${shape})`, () => {
      const out = extract(page(`${head(heads)}${own(wrap)}`));
      expect(out.kind).toBe('list');
      expect(out.issues).toHaveLength(4);
      expect(out.issues[3]).toMatchObject({
        title: 'Blocked drain',
        category: 'Drainage',
        location: expect.objectContaining({ address: '7 Ash Ct' }),
      });
    });

  it('a one-row table of another width after them is no row of the list', () => {
    const other = '<table><tr><td>Page 1 of 1</td><td>Next</td></tr></table>';
    const out = extract(page(`${head('<th>Title</th><th>Category</th><th>Address</th>')}${own(false)}${other}`));
    expect(out.issues.map((i) => i.title)).toEqual(rows.map((r) => r[0]));
  });
});

describe('each result a one-row table of its own, with no head', () => {
  const shops: Array<[string, string]> = [
    ['+ NOODLE HOUSE', '12 MAIN ST , SPRINGFIELD, 98001'],
    ['+ NOODLE HOUSE', '107 1ST AVE S , Springfield, 98004'],
    ['+ NOODLE HOUSE', '1033 NE 65TH ST , SPRINGFIELD, 98015'],
    ['+ NOODLE HOUSE EXPRESS', '9 ELM RD , Springfield, 98002'],
  ];
  const results = shops
    .map(
      ([name, at], i) =>
        `<div id="F${i}" onclick="toggleShow(this.id)" style="display: block"><table style="width:635px"><tr>` +
        `<td style="font-weight:bold">${name}</td><td style="font-weight:bold">${at}</td></tr></table></div>` +
        `<div id="F${i}~" style="display: none"><table><tr><td>- Business Name</td><td>${name.slice(2)}</td></tr>` +
        `<tr><td>Phone:</td><td>(555) 010-000${i}</td></tr></table></div>`,
    )
    .join('');
  const html = `<html><head><title>Inspection results</title></head><body><table><tr><td><a href="/">Back to search
    page</a></td></tr><tr><td>Facilities</td></tr></table>${results}<h3>Inspection violations and points</h3>
    <p>Inspections are based on regulations to eliminate risk factors for food borne disease.</p></body></html>`;

  it('reads each facility by its name and its address', () => {
    const out = extract(html);
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => i.title)).toEqual(shops.map(([n]) => n.slice(2)));
    expect(out.issues.map((i) => i.location.address)).toEqual(shops.map(([, a]) => a));
  });

  it('two such tables are no list, nor tables whose second column is no address, date or number', () => {
    const two = html.replace(/<div id="F2"[\s\S]*$/, '</body></html>');
    expect(extract(two).kind).not.toBe('list');
    const words = html.replace(/\d+ [^<]*?, (SPRINGFIELD|Springfield), \d+/g, 'Open daily');
    expect(extract(words).kind).not.toBe('list');
  });
});

describe('each item a list of its own', () => {
  const clips = [
    ['王小明', '10:02 - 10:11'],
    ['李大華', '10:12 - 10:20'],
    ['陳美玲', '10:21 - 10:33'],
  ];
  const items = clips
    .map(
      ([who, at], i) =>
        `<ul class="clip"><li><div class="thumb"><img src="/p/${i}.jpg" alt=""></div><div class="text">` +
        `<h5>第${i + 1}段 發言 ${who}</h5><p>發言時間：${at}</p>` +
        `<p>類別：質詢</p><p>承辦單位：司法委員會</p></li></ul>`,
    )
    .join('');
  const html = `<html><head><title>影片</title></head><body><h2>委員發言片段</h2><div class="clips">${items}</div></body></html>`;

  it('reads each list as one card', () => {
    const out = extract(html, 'https://video.example/clips');
    expect(out.kind).toBe('list');
    expect(out.issues.map((i) => i.title)).toEqual(clips.map(([who], i) => `第${i + 1}段 發言 ${who}`));
    expect(out.issues[2]!.department).toBe('司法委員會');
  });
});
