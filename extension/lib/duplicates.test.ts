import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { findDuplicates } from './duplicates';
import { saveIssues } from './library';
import { freshDb, issue } from './test-helpers';

describe('duplicate hints', () => {
  it('the same case number is certainly the same case', async () => {
    const db = freshDb();
    await saveIssues(db, [
      issue({ id: 's', title: '楼道漏水', source: { caseNumber: 'BX1', capturedAt: '2026-05-01T08:00:00+08:00' } }),
    ]);
    const hints = await findDuplicates(
      db,
      issue({ title: '另一个标题', source: { caseNumber: 'BX1', capturedAt: '2026-05-02T08:00:00+08:00' } }),
    );
    expect(hints).toMatchObject([{ kind: 'certain', reason: 'caseNumber', issue: { id: 's' } }]);
  });

  it('the same page address is certain for a detail page, but not for another row of the same list', async () => {
    const db = freshDb();
    const url = 'https://portal.example.cn/list';
    await saveIssues(db, [
      issue({
        id: 'row1',
        title: '路灯不亮',
        source: { url, caseNumber: 'A1', capturedAt: '2026-05-01T08:00:00+08:00' },
      }),
    ]);
    const sameRow = issue({
      title: '路灯不亮',
      source: { url, caseNumber: 'A1', capturedAt: '2026-05-01T08:00:00+08:00' },
    });
    const otherRow = issue({
      title: '井盖缺失',
      source: { url, caseNumber: 'A2', capturedAt: '2026-05-01T08:00:00+08:00' },
    });
    expect((await findDuplicates(db, sameRow, url))[0]).toMatchObject({ kind: 'certain' });
    expect(await findDuplicates(db, otherRow, url)).toEqual([]);
  });

  it('alike text is a suggestion with its score; unrelated text is no hint', async () => {
    const db = freshDb();
    await saveIssues(db, [
      issue({ id: 'old', title: '3号楼楼道漏水严重', description: '顶楼楼道天花板漏水，已持续一周' }),
    ]);
    const [hint] = await findDuplicates(db, issue({ title: '3号楼楼道漏水', description: '顶楼楼道天花板漏水一周了' }));
    expect(hint).toMatchObject({ kind: 'similar', reason: 'text', issue: { id: 'old' } });
    expect(hint!.score).toBeGreaterThan(0.5);
    expect(hint!.score).toBeLessThan(1);
    expect(await findDuplicates(db, issue({ title: '小区门口垃圾堆放' }))).toEqual([]);
  });
});
