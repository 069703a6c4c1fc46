import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Issue } from '@linli/core';
import { type ExtractResult, extractIssues, parseRecipe } from '@linli/core/capture';
import { parseHtml, parseHtmlBytes } from '@linli/core/capture/node';
import { describe, expect, it } from 'vitest';
import { bigDetailPage, bigListPage } from '../support/big-pages';
import { awaitsItsScore, listRealPages, readRecorded } from './real-corpus';

const recorded = readRecorded();

/**
 * The engine builds each Issue in the model's shape by construction instead of parsing it (build-issue.ts). This
 * holds it to that: every issue out of every page we have — synthetic, shared and real fixtures, the 2 MB pages, a
 * recipe and a selection — parses with the zod schema to exactly itself (same values, same keys, same key order).
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIRS = ['test/fixtures/portals', '../shared/fixtures/portals', 'test/fixtures/real'].map((d) =>
  path.resolve(root, d),
);
const now = new Date('2026-06-02T00:00:00Z');

function drift(result: ExtractResult): string[] {
  const out: string[] = [];
  result.issues.forEach((issue, i) => {
    const parsed = Issue.safeParse(issue);
    if (!parsed.success) out.push(`issue ${i}: ${parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`)}`);
    else if (JSON.stringify(parsed.data) !== JSON.stringify(issue)) out.push(`issue ${i}: parsing changes it`);
  });
  return out;
}

describe('every engine output is an Issue as the schema parses it', () => {
  const heldBack = new Set(
    listRealPages()
      .filter((p) => awaitsItsScore(p, recorded))
      .map((p) => `${p.name}.html`),
  );
  const pages = DIRS.filter((d) => existsSync(d)).flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.html') && !(d.endsWith('real') && heldBack.has(f)))
      .sort()
      .map((f) => ({ dir: d, file: f })),
  );

  it('covers the fixture pages', () => {
    expect(pages.length).toBeGreaterThan(100);
  });

  for (const { dir, file } of pages) {
    it(`${path.basename(dir)}/${file}`, () => {
      const expected = JSON.parse(readFileSync(path.join(dir, file.replace(/\.html$/, '.expected.json')), 'utf8'));
      const doc = parseHtmlBytes(readFileSync(path.join(dir, file)), expected.url);
      const selection = expected.selection ? (doc.querySelector(expected.selection) ?? undefined) : undefined;
      const result = extractIssues(doc, { url: expected.url, now, selection });
      expect(drift(result)).toEqual([]);
    });
  }

  it('the 2 MB list (9,952 cases) and the 2 MB detail page', () => {
    const url = 'https://12345.example.gov.cn/order/view?id=1';
    const list = extractIssues(parseHtml(bigListPage()), { url, now });
    expect(list.issues.length).toBeGreaterThan(9000);
    expect(drift(list)).toEqual([]);
    expect(drift(extractIssues(parseHtml(bigDetailPage()), { url, now }))).toEqual([]);
  });

  it('a recipe with coordinates, and a selected text', () => {
    const html = `<html><body><h1>井盖破损</h1><div id="lat">31.2304</div><div id="lng">121.4737</div>
      <div class="reply">2026-05-29 10:00 街道：已更换井盖</div></body></html>`;
    const recipe = parseRecipe({
      id: 'r',
      name: 'R',
      match: ['https://x.example.gov.cn/*'],
      fields: { title: 'h1', 'location.lat': '#lat', 'location.lng': '#lng', updates: '.reply' },
    });
    const result = extractIssues(parseHtml(html), { url: 'https://x.example.gov.cn/1', now, recipes: [recipe] });
    expect(result.issues[0]!.location).toEqual({ lat: 31.2304, lng: 121.4737 });
    expect(drift(result)).toEqual([]);
    const text = '路灯不亮\n联系电话：13812345678\n整条巷子晚上一片漆黑，请尽快修。';
    expect(drift(extractIssues(parseHtml('<p></p>'), { now, selection: text }))).toEqual([]);
  });
});
