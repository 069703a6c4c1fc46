import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { extractIssues } from './extract';
import { parseHtml } from './node';
import { findRecipe, globToRegExp, parseRecipe, type RecipeInput } from './recipe';

const now = new Date('2026-06-02T00:00:00Z');
const URL_ = 'https://12345.example.gov.cn/order/view?id=88231';

const detail = `<html><body>
  <div class="hd"><h1 class="order-title">【工单】小区门口井盖破损</h1></div>
  <table>
    <tr><td>工单编号：</td><td>GD-88231</td></tr>
    <tr><td>诉求标题：</td><td>井盖破损（通用标签）</td></tr>
    <tr><td>联系电话：</td><td>13812345678</td></tr>
    <tr><td>受理时间：</td><td>2026-05-28 14:30</td></tr>
  </table>
  <div id="addr" data-addr="黄浦区某某路52弄3号">地址见地图</div>
  <div class="state">当前状态：办理中</div>
  <div class="content">井盖已经破损多日，晚上有行人差点踩空，请尽快更换。</div>
</body></html>`;

function recipe(over: Partial<RecipeInput> = {}): ReturnType<typeof parseRecipe> {
  return parseRecipe({
    id: 'hotline-12345',
    name: '12345 工单',
    match: ['https://12345.example.gov.cn/order/*'],
    ...over,
  });
}

describe('recipe schema', () => {
  it('accepts the DESIGN.md format', () => {
    const r = recipe({ fields: { title: 'h1', 'location.address': { selector: '#addr', attr: 'data-addr' } } });
    expect(r.fields.title).toBe('h1');
  });

  it('names the bad field of an invalid recipe', () => {
    const bad = () => parseRecipe({ id: 'x', name: 'X', match: ['https://*'], fields: { titel: 'h1' } });
    expect(bad).toThrow(ZodError);
    try {
      bad();
    } catch (e) {
      const issue = (e as ZodError).issues[0]!;
      expect(issue.path).toEqual(['fields', 'titel']);
      expect(issue.message).toMatch(/unknown field "titel"/);
    }
  });

  it('rejects a broken regex, an empty selector and a missing match list', () => {
    expect(() => recipe({ fields: { title: { selector: 'h1', regex: '((' } } })).toThrow(/regular expression/);
    expect(() => recipe({ fields: { title: '' } })).toThrow(/selector/);
    expect(() => parseRecipe({ id: 'x', name: 'X', match: [] })).toThrow(/URL pattern/);
  });
});

describe('URL globs', () => {
  it('* matches any run, the rest is literal', () => {
    expect(globToRegExp('https://12345.example.gov.cn/order/*').test(URL_)).toBe(true);
    expect(globToRegExp('https://12345.example.gov.cn/order/*').test('https://12345.example.gov.cn/list')).toBe(false);
    expect(globToRegExp('https://*.example.gov.cn/*?id=*').test(URL_)).toBe(true);
    expect(globToRegExp('https://12345.example.gov.cn/order/view.id=*').test(URL_)).toBe(false);
  });
  it('findRecipe picks the first match', () => {
    const a = recipe({ id: 'a', match: ['https://other.example/*'] });
    const b = recipe({ id: 'b' });
    expect(findRecipe([a, b], URL_)?.id).toBe('b');
    expect(findRecipe([a], URL_)).toBeUndefined();
  });
});

describe('recipes in extraction', () => {
  it('wins for its fields and falls back per field to the generic extractor', () => {
    const r = recipe({
      fields: {
        title: { selector: 'h1.order-title', regex: '】(.+)$' },
        'location.address': { selector: '#addr', attr: 'data-addr' },
        status: { selector: '.state', regex: '：(.+)' },
        'source.caseNumber': '.does-not-exist',
      },
    });
    const res = extractIssues(parseHtml(detail), { url: URL_, now, recipes: [r] });
    expect(res.recipeId).toBe('hotline-12345');
    const [issue] = res.issues;
    expect(issue!.title).toBe('小区门口井盖破损');
    expect(issue!.location.address).toBe('黄浦区某某路52弄3号');
    expect(issue!.status).toBe('in_progress');
    // Not found by the recipe: the generic value.
    expect(issue!.source.caseNumber).toBe('GD-88231');
    expect(issue!.reportedAt).toBe('2026-05-28T14:30:00+08:00');
    expect(issue!.reporter.phone).toBe('138****5678');
  });

  it('does not apply to other URLs', () => {
    const r = recipe({ fields: { title: 'h1' } });
    const res = extractIssues(parseHtml(detail), { url: 'https://elsewhere.example/x', now, recipes: [r] });
    expect(res.recipeId).toBeUndefined();
    expect(res.issues[0]!.title).toBe('井盖破损（通用标签）');
  });

  it('list rows: one issue per row, recipe fields first, generic fields after', () => {
    const html = `<html><body><div class="rows">
      <div class="row"><a class="t" href="/order/1">排水沟堵塞</a><span>编号：A-1</span><span>状态：已办结</span><i data-d="2026-05-01"></i></div>
      <div class="row"><a class="t" href="/order/2">路灯不亮</a><span>编号：A-2</span><span>状态：办理中</span><i data-d="2026-05-02"></i></div>
      <div class="row"><a class="t" href="/order/3">噪声扰民</a><span>编号：A-3</span><span>状态：待受理</span><i data-d="2026-05-03"></i></div>
    </div></body></html>`;
    const r = recipe({
      match: ['https://12345.example.gov.cn/list*'],
      list: {
        rowSelector: '.rows > .row',
        fields: {
          title: 'a.t',
          reportedAt: { selector: 'i', attr: 'data-d' },
          'source.url': { selector: 'a.t', attr: 'href' },
        },
      },
    });
    const res = extractIssues(parseHtml(html), { url: 'https://12345.example.gov.cn/list?p=1', now, recipes: [r] });
    expect(res.kind).toBe('list');
    expect(res.issues.map((i) => i.title)).toEqual(['排水沟堵塞', '路灯不亮', '噪声扰民']);
    expect(res.issues.map((i) => i.source.caseNumber)).toEqual(['A-1', 'A-2', 'A-3']);
    expect(res.issues.map((i) => i.status)).toEqual(['resolved', 'in_progress', 'new']);
    expect(res.issues[1]!.reportedAt).toBe('2026-05-02T00:00:00+08:00');
    expect(res.issues[2]!.source.url).toBe('https://12345.example.gov.cn/order/3');
  });
});
