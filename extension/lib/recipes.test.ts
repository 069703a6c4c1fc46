import 'fake-indexeddb/auto';
import { extractIssues } from '@linli/core/capture';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { exportRecipes, importRecipes, listRecipes, matchFor, recipeFromPicks } from './recipes';
import { selectorFor } from './selector';
import { freshDb } from './test-helpers';

const PAGE = `<!doctype html><html><head><title>网格事件</title></head><body>
<div class="box"><div class="row"><span class="k">A</span><span class="v">朝阳路井盖缺失</span></div>
<div class="row"><span class="k">B</span><span class="v">GZ-2026-0042</span></div>
<div class="row"><span class="k">C</span><span class="v">朝阳路12号门口</span></div></div></body></html>`;

describe('recipes', () => {
  it('picked elements become selectors that read the same fields through the capture engine', () => {
    const { document } = parseHTML(PAGE);
    const values = document.querySelectorAll('.v');
    const picks = {
      title: selectorFor(values[0]!),
      'source.caseNumber': selectorFor(values[1]!),
      'location.address': selectorFor(values[2]!),
    };
    expect(document.querySelector(picks.title)).toBe(values[0]);
    const recipe = recipeFromPicks('https://grid.example.cn/event/view?id=42', '网格平台', picks);
    expect(recipe.match).toEqual(['https://grid.example.cn/event/*']);
    const { issues, recipeId } = extractIssues(document as unknown as Document, {
      url: 'https://grid.example.cn/event/view?id=42',
      recipes: [recipe],
    });
    expect(recipeId).toBe(recipe.id);
    expect(issues[0]).toMatchObject({
      title: '朝阳路井盖缺失',
      source: { caseNumber: 'GZ-2026-0042' },
      location: { address: '朝阳路12号门口' },
    });
  });

  it('generated ids are not used in selectors; hand-written ones are', () => {
    const { document } = parseHTML('<div id="el-id-8812-3"><p id="case-title">标题</p><p>x</p></div>');
    expect(selectorFor(document.querySelector('#case-title')!)).toBe('#case-title');
    expect(selectorFor(document.querySelectorAll('p')[1]!)).not.toContain('8812');
  });

  it('imports a file of recipes, reporting the bad one by position and field, and exports them back', async () => {
    const db = freshDb();
    const file = JSON.stringify({
      recipes: [
        { id: 'grid', name: '网格', match: ['https://grid.example.cn/*'], fields: { title: 'h1' } },
        { id: 'bad', name: '坏的', match: [], fields: {} },
      ],
    });
    const r = await importRecipes(db, file);
    expect(r.imported.map((x) => x.id)).toEqual(['grid']);
    expect(r.skipped).toEqual([{ index: 2, reason: expect.stringContaining('match') }]);
    expect((await listRecipes(db)).map((x) => x.id)).toEqual(['grid']);
    expect(JSON.parse(await exportRecipes(db)).recipes[0].id).toBe('grid');
    expect(matchFor('http://127.0.0.1:5173/a/b.html?x=1')).toBe('http://127.0.0.1:5173/a/*');
  });
});
