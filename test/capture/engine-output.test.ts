import { extractIssues, parseRecipe } from '@linli/core/capture';
import { parseHtml } from '@linli/core/capture/node';
import { describe, expect, it } from 'vitest';
import { bigDetailPage, bigListPage } from '../support/big-pages';
import { schemaDrift as drift } from './schema-drift';

/**
 * The engine builds each Issue in the model's shape by construction instead of parsing it (build-issue.ts). Every
 * fixture page's output is held to that where the page is scored, on the same output (own-fixtures, shared-fixtures
 * and real-pages tests: one extraction per page); here the outputs no fixture gives: the 2 MB pages, a recipe and a
 * selection.
 */
const now = new Date('2026-06-02T00:00:00Z');

describe('every engine output is an Issue as the schema parses it', () => {
  it('the 2 MB list (9,952 cases) and the 2 MB detail page', () => {
    const url = 'https://12345.example.gov.cn/order/view?id=1';
    const list = extractIssues(parseHtml(bigListPage()), { url, now });
    expect(list.issues.length).toBeGreaterThan(9000);
    expect(drift(list)).toEqual([]);
    expect(drift(extractIssues(parseHtml(bigDetailPage()), { url, now }))).toEqual([]);
    // Two 2 MB pages parsed and read in one test: a few seconds alone, past vitest's 30 s on a loaded 2-core runner.
  }, 180_000);

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
