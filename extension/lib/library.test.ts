import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { bulkSetStatus, bulkTags, countIssues, facets, queryLibrary, saveIssues, updateFromClip } from './library';
import { freshDb, issue } from './test-helpers';

describe('the library', () => {
  it('finds an issue by a Chinese term from its title, description or address, newest clip first', async () => {
    const db = freshDb();
    await saveIssues(db, [
      issue({ id: 'a', title: '3号楼楼道漏水', createdAt: '2026-05-01T08:00:00+08:00' }),
      issue({ id: 'b', title: '路灯不亮', description: '门口水管漏水', createdAt: '2026-05-03T08:00:00+08:00' }),
      issue({ id: 'c', title: '噪音扰民', location: { address: '和平里小区5号楼' } }),
    ]);
    expect((await queryLibrary(db, { text: '漏水' })).issues.map((i) => i.id)).toEqual(['b', 'a']);
    expect((await queryLibrary(db, { text: '和平里' })).issues.map((i) => i.id)).toEqual(['c']);
    expect((await queryLibrary(db, { text: '楼道漏水' })).issues.map((i) => i.id)).toEqual(['a']);
    expect((await queryLibrary(db, { text: '停电' })).issues).toEqual([]);
  });

  it('filters by status, category, portal, tag and reported-date range, and sorts', async () => {
    const db = freshDb();
    await saveIssues(db, [
      issue({
        id: 'x',
        title: '甲',
        status: 'resolved',
        category: '市政',
        tags: ['加急'],
        reportedAt: '2026-04-02T10:00:00+08:00',
        source: { portal: '12345', capturedAt: '2026-05-01T08:00:00+08:00' },
      }),
      issue({ id: 'y', title: '乙', category: '物业', reportedAt: '2026-04-20T10:00:00+08:00' }),
      issue({ id: 'z', title: '丙', category: '市政', reportedAt: '2026-03-01T10:00:00+08:00' }),
    ]);
    const ids = async (q: object) => (await queryLibrary(db, q)).issues.map((i) => i.id);
    expect(await ids({ statuses: ['resolved'] })).toEqual(['x']);
    expect(await ids({ category: '市政', sort: 'reported' })).toEqual(['x', 'z']);
    expect(await ids({ portal: '12345' })).toEqual(['x']);
    expect(await ids({ tags: ['加急'] })).toEqual(['x']);
    expect(await ids({ from: '2026-04-01T00:00:00.000Z', to: '2026-04-30T00:00:00.000Z', sort: 'reported' })).toEqual([
      'y',
      'x',
    ]);
    const titles = (await queryLibrary(db, { sort: 'title' })).issues.map((i) => i.title);
    expect(titles).toEqual(['甲', '乙', '丙'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect((await facets(db)).categories).toEqual(['市政', '物业']);
  });

  it('saves all of a batch or none of it', async () => {
    const db = freshDb();
    const good = issue({ title: '好的' });
    await expect(saveIssues(db, [good, { ...good, id: 'bad', title: '' }])).rejects.toThrow();
    expect(await countIssues(db)).toBe(0);
  });

  it('bulk status change records it in each issue history; bulk tags add and remove', async () => {
    const db = freshDb();
    await saveIssues(db, [issue({ id: 'p', title: '一' }), issue({ id: 'q', title: '二' })]);
    expect(await bulkSetStatus(db, ['p', 'q'], 'in_progress', '状态改为「办理中」')).toBe(2);
    const p = (await queryLibrary(db, { statuses: ['in_progress'] })).issues;
    expect(p).toHaveLength(2);
    expect(p[0]!.updates.at(-1)).toMatchObject({ text: '状态改为「办理中」', status: 'in_progress' });
    await bulkTags(db, ['p', 'q'], { add: ['电梯'] });
    await bulkTags(db, ['q'], { remove: ['电梯'] });
    expect((await queryLibrary(db, { tags: ['电梯'] })).issues.map((i) => i.id)).toEqual(['p']);
  });

  it('a page clipped again updates the stored issue, keeping its tags and adding new replies', async () => {
    const db = freshDb();
    const first = issue({ id: 'keep', title: '漏水', tags: ['重点'], updates: [{ text: '已派单' }] });
    await saveIssues(db, [first]);
    const again = {
      ...first,
      id: 'other',
      tags: [],
      status: 'resolved' as const,
      updates: [{ text: '已派单' }, { text: '已修复' }],
    };
    const next = await updateFromClip(db, 'keep', again);
    expect(next.id).toBe('keep');
    expect(next.status).toBe('resolved');
    expect(next.tags).toEqual(['重点']);
    expect(next.updates.map((u) => u.text)).toEqual(['已派单', '已修复']);
    expect(await countIssues(db)).toBe(1);
  });

  it('pages through the library in order, newest or oldest first, one "more" at a time', async () => {
    const db = freshDb();
    const at = (h: number) => `2026-05-01T${String(h).padStart(2, '0')}:00:00+08:00`;
    // Saved out of time order; two clipped at the same minute (the later save counts as newer).
    await saveIssues(
      db,
      [3, 1, 6, 2, 5, 5, 4].map((h, k) => issue({ id: `h${k}`, title: `事项${k}`, createdAt: at(h) })),
    );
    const pages = async (sort: 'newest' | 'oldest') => {
      const ids: string[] = [];
      for (let offset = 0; ; offset += 3) {
        const page = await queryLibrary(db, { sort, offset, limit: 3 });
        ids.push(...page.issues.map((i) => i.id));
        if (!page.more) return ids;
      }
    };
    expect(await pages('newest')).toEqual(['h2', 'h5', 'h4', 'h6', 'h0', 'h3', 'h1']);
    expect(await pages('oldest')).toEqual(['h1', 'h3', 'h0', 'h6', 'h4', 'h5', 'h2']);
    // All at once (what an export asks for) in the same order.
    const all = await queryLibrary(db, { sort: 'oldest', limit: 1_000_000 });
    expect(all.issues.map((i) => i.id)).toEqual(['h1', 'h3', 'h0', 'h6', 'h4', 'h5', 'h2']);
    expect((await queryLibrary(db, { limit: 6 })).issues.map((i) => i.id)).toEqual([
      'h2',
      'h5',
      'h4',
      'h6',
      'h0',
      'h3',
    ]);
  });
});
