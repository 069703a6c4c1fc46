/**
 * A data table far below a case's body: last session's unseen notices each carried one, and its head row was read as
 * label/value pairs — 中国政府采购网's award notice (`名称 | 品牌（如有） | 规格型号 | 数量 | 单价（元/台）` over its items:
 * `名称: 品牌（如有）` titled the notice) and 江苏公共资源交易网's tender notice (`条款号 | 条款内容 | 编列内容` over its clauses:
 * `条款内容: 编列内容` described it). Each transform inserts such a table — a head row whose first names are label
 * words of the dictionary, over value rows — after the block that holds the page's expected description, in the
 * page's script (Han or Latin); a page that expects no description, or whose description is in no block, is not
 * rewritten. shape-ablation.ts reads every case page through each and totals them apart.
 */
import { SKIP_TAGS, tagOf } from '@linli/core/capture/elements';
import { collapse, hasCjk } from '@linli/core/capture/text';
import type { Transform } from './shape-transforms';

type Grid = { han: string[][]; latin: string[][] };

/** An award's items: the name column first (`名称`, `Subject`: title words of the dictionary). */
const ITEMS: Grid = {
  han: [
    ['名称', '品牌（如有）', '规格型号', '数量', '单价（元/台）'],
    ['多联式空调机组', '格力', 'GMV-H160WL/A', '12', '26800.00'],
    ['壁挂式分体空调', '美的', 'KFR-72GW', '8', '5600.00'],
  ],
  latin: [
    ['Subject', 'Brand', 'Model', 'Quantity', 'Unit price'],
    ['Rooftop air handling unit', 'Carrier', '42QHC018', '12', '26,800.00'],
    ['Split wall unit', 'Daikin', 'FTXM71R', '8', '5,600.00'],
  ],
};

/** A tender's clauses: the content columns named by description words (`条款内容`, `Content`). */
const CLAUSES: Grid = {
  han: [
    ['条款号', '条款内容', '编列内容'],
    ['2.2.1', '分值构成（总分100分）', '投标报价：50.00分；技术响应：25.00分；商务响应：25.00分。'],
    ['2.2.2', '评标基准价计算方法', '以有效投标文件的评标价算术平均值为评标基准价。'],
  ],
  latin: [
    ['Clause', 'Content', 'Provision'],
    ['2.2.1', 'Weighting (100 points)', 'Price 50 points; technical response 25 points; commercial terms 25 points.'],
    ['2.2.2', 'Benchmark price', 'The arithmetic mean of the valid tenders is the benchmark price.'],
  ],
};

const BLOCKS = new Set(['P', 'DIV', 'TD', 'LI', 'SECTION', 'ARTICLE', 'DD', 'BLOCKQUOTE']);

function insideSkipped(el: Element): boolean {
  for (let a: Element | null = el; a; a = a.parentElement) if (SKIP_TAGS.has(tagOf(a))) return true;
  return false;
}

/** The smallest block whose text holds the opening words of the expected description. */
function descriptionBlock(doc: Document, description: string): Element | undefined {
  const want = collapse(description).slice(0, 24);
  if (want.length < 12 || !doc.body) return undefined;
  let found: Element | undefined;
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    if (!BLOCKS.has(tagOf(el)) || insideSkipped(el)) continue;
    if (collapse(el.textContent ?? '').includes(want)) found = el;
  }
  return found;
}

function tableOf(doc: Document, rows: string[][]): Element {
  const table = doc.createElement('table');
  table.setAttribute('border', '1');
  const body = table.appendChild(doc.createElement('tbody'));
  for (const row of rows) {
    const tr = body.appendChild(doc.createElement('tr'));
    for (const text of row) tr.appendChild(doc.createElement('td')).textContent = text;
  }
  return table;
}

/** `grid` as a table after the description's block. `description` comes through the transform's `title` slot. */
const tableAfterBody =
  (grid: Grid): Transform =>
  (doc, _site, _title, description) => {
    const block = description ? descriptionBlock(doc, description) : undefined;
    if (!block) return 0;
    const script = hasCjk(collapse(block.textContent ?? '').slice(0, 200)) ? 'han' : 'latin';
    block.after(tableOf(doc, grid[script]));
    return 1;
  };

/** The data-table transforms, by name: shape-ablation.ts runs them on case pages and totals them apart. */
export const SPEC_TRANSFORMS: Record<string, Transform> = {
  'item-table-after-body': tableAfterBody(ITEMS),
  'clause-table-after-body': tableAfterBody(CLAUSES),
};

export const isSpecTransform = (name: string) => name in SPEC_TRANSFORMS;
