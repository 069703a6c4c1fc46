import 'fake-indexeddb/auto';
import type { Issue } from '@linli/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDb } from './db';
import { restore } from './export';
import {
  bulkSetStatus,
  bulkTags,
  countIssues,
  deleteIssues,
  facets,
  getIssue,
  queryLibrary,
  saveIssues,
  updateFromClip,
} from './library';
import { matchesPlan, planQuery, searchText, termsOf } from './search';
import { freshDb, issue } from './test-helpers';

const PLACES = ['和平里', '望京', '南湖', '芳草'];
const PROBLEMS = ['楼道漏水', '路灯不亮', '电梯故障', '垃圾堆放', '飞线充电'];

function sample(n: number, prefix = 's'): Issue[] {
  return Array.from({ length: n }, (_, i) =>
    issue({
      id: `${prefix}${i}`,
      title: `${PLACES[i % 4]}${(i % 7) + 1}号楼${PROBLEMS[i % 5]}`,
      description: i % 3 ? `编号GD-2026-${String(i).padStart(4, '0')}，居民反映情况` : '',
      location: { address: `${PLACES[(i + 1) % 4]}小区` },
      createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
    }),
  );
}

const QUERIES = ['漏水', '楼道漏水', '路灯', '和平里', '望京电梯', 'gd-2026', '0042', '小区', '号楼', '漏', '停电'];

/** What every search should return: a scan of the issues' own terms, newest clip first. */
function expected(issues: Issue[], text: string): string[] {
  const plan = planQuery(text);
  return issues
    .filter((i) => matchesPlan(termsOf(searchText(i)), plan))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .map((i) => i.id);
}

async function searchIds(db: ReturnType<typeof freshDb>, text: string) {
  return (await queryLibrary(db, { text, limit: 10_000 })).issues.map((i) => i.id);
}

async function expectSearchToMatch(db: ReturnType<typeof freshDb>, issues: Issue[]) {
  for (const q of QUERIES) expect([q, await searchIds(db, q)]).toEqual([q, expected(issues, q)]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('search follows every write', () => {
  it('an edited issue is found by its new words and no longer by its old ones', async () => {
    const db = freshDb();
    const [a] = await saveIssues(db, [issue({ id: 'a', title: '3号楼楼道漏水' })]);
    await saveIssues(db, [{ ...a!, title: '3号楼路灯不亮', updatedAt: '2026-05-02T08:00:00+08:00' }]);
    expect(await searchIds(db, '漏水')).toEqual([]);
    expect(await searchIds(db, '路灯')).toEqual(['a']);
    expect(await countIssues(db)).toBe(1);
  });

  it('a deleted issue is found by no search, counted nowhere and offered in no filter', async () => {
    const db = freshDb();
    await saveIssues(db, [
      issue({ id: 'gone', title: '井盖缺失', category: '市政', tags: ['加急'] }),
      issue({ id: 'kept', title: '井盖松动', category: '物业' }),
    ]);
    await deleteIssues(db, ['gone']);
    expect(await searchIds(db, '井盖')).toEqual(['kept']);
    expect(await getIssue(db, 'gone')).toBeUndefined();
    expect(await countIssues(db)).toBe(1);
    expect(await facets(db)).toEqual({ categories: ['物业'], portals: [], tags: [] });
    expect((await queryLibrary(db, {})).issues.map((i) => i.id)).toEqual(['kept']);
  });

  it('a page clipped again is found by the description it brought', async () => {
    const db = freshDb();
    await saveIssues(db, [issue({ id: 'k', title: '路灯不亮', description: '' })]);
    await updateFromClip(db, 'k', issue({ id: 'other', title: '路灯不亮', description: '夜间漆黑老人摔倒' }));
    expect(await searchIds(db, '摔倒')).toEqual(['k']);
  });

  it('search matches a scan of every issue after a restore, edits, bulk changes and deletes (6,000 issues)', async () => {
    const db = freshDb();
    let issues = sample(6000);
    const report = await restore(db, JSON.stringify({ format: 'linli-extension-backup', version: 1, issues }));
    expect(report.issues).toBe(6000);
    await expectSearchToMatch(db, issues);

    // Edit some titles, delete some, bulk-change status and tags, restore part of the backup over the library.
    const edited = issues.filter((_, i) => i % 97 === 0).map((i) => ({ ...i, title: `${i.title}停电` }));
    await saveIssues(db, edited);
    const deleted = issues.filter((_, i) => i % 89 === 1).map((i) => i.id);
    await deleteIssues(db, deleted);
    await bulkSetStatus(db, ['s5044', 's5003'], 'resolved', '已办结');
    await bulkTags(db, ['s5002', 's5004', 's2'], { add: ['电梯'] });
    const again = sample(300, 's').map((i) => ({ ...i, title: `${i.title}（复查）` }));
    await restore(db, JSON.stringify({ format: 'linli-extension-backup', version: 1, issues: again }));

    const byId = new Map(issues.map((i) => [i.id, i]));
    for (const i of [...edited, ...again]) byId.set(i.id, i);
    for (const id of ['s5044', 's5003']) byId.set(id, { ...byId.get(id)!, status: 'resolved' });
    for (const id of deleted) if (!again.some((i) => i.id === id)) byId.delete(id);
    issues = [...byId.values()];
    await expectSearchToMatch(db, issues);
    expect(await countIssues(db)).toBe(issues.length);
    expect((await queryLibrary(db, { text: '停电', statuses: ['resolved'] })).issues.map((i) => i.id)).toEqual([
      's5044',
    ]);
    // s2 was tagged, then restored from a backup without the tag: the backup's version stands.
    expect((await queryLibrary(db, { tags: ['电梯'] })).issues.map((i) => i.id)).toEqual(['s5004', 's5002']);
  });

  it('slots past one posting block (32,768) are searched, edited and deleted like the first ones', async () => {
    const db = freshDb();
    await db.open();
    // A library whose earlier slots were used and freed: the next ones straddle the block border.
    await db.meta.put({ key: 'library', next: 32_760, count: 0, rev: 1 });
    const issues = sample(20, 'far');
    await saveIssues(db, issues);
    await expectSearchToMatch(db, issues);
    await deleteIssues(db, ['far10']);
    await expectSearchToMatch(
      db,
      issues.filter((i) => i.id !== 'far10'),
    );
  });

  it('issues saved into a new block of slots show up in filters this page had already read', async () => {
    const db = freshDb();
    await db.open();
    await db.meta.put({ key: 'library', next: 4090, count: 0, rev: 1 });
    await saveIssues(db, sample(3, 'early'));
    expect(await facets(db)).toEqual({ categories: [], portals: [], tags: [] });
    // Slots 4093… cross into the next block of columns; none of them has a category or a tag either.
    const later = sample(10, 'late');
    await saveIssues(db, later);
    expect(await facets(db)).toEqual({ categories: [], portals: [], tags: [] });
    expect((await queryLibrary(db, { category: '市政' })).issues).toEqual([]);
    expect((await queryLibrary(db, { limit: 3 })).issues.map((i) => i.id)).toEqual(['late9', 'late8', 'late7']);
    await saveIssues(db, [{ ...later[9]!, category: '市政' }]);
    expect((await queryLibrary(db, { category: '市政' })).issues.map((i) => i.id)).toEqual(['late9']);
  });

  it('another window sees a write at its next read (the cached columns are not reused)', async () => {
    const name = `two-windows-${Math.random()}`;
    const one = openDb(name);
    const two = openDb(name);
    await saveIssues(one, [issue({ id: 'x', title: '噪声扰民', createdAt: '2026-05-01T08:00:00+08:00' })]);
    expect((await queryLibrary(two, {})).issues.map((i) => i.id)).toEqual(['x']);
    await saveIssues(one, [issue({ id: 'y', title: '噪声扰民', createdAt: '2026-05-02T08:00:00+08:00' })]);
    expect((await queryLibrary(two, {})).issues.map((i) => i.id)).toEqual(['y', 'x']);
    await deleteIssues(two, ['y']);
    expect(await searchIds(one, '噪声')).toEqual(['x']);
    one.close();
    two.close();
  });
});

describe('nothing half-saved', () => {
  it('a restore that fails while writing leaves the library as it was', async () => {
    const db = freshDb();
    await saveIssues(db, [issue({ id: 'stay', title: '保留的事项' })]);
    // The last write of the restore (the library's revision) fails, after its packs, columns and postings went in.
    const put = db.Table.prototype.put;
    vi.spyOn(db.Table.prototype, 'put').mockImplementation(function (this: { name: string }, ...args) {
      if (this.name === 'meta') throw new Error('the panel closed');
      return put.apply(this, args as Parameters<typeof put>);
    });
    const file = JSON.stringify({ format: 'linli-extension-backup', version: 1, issues: sample(200) });
    await expect(restore(db, file)).rejects.toThrow('the panel closed');
    vi.restoreAllMocks();
    expect(await countIssues(db)).toBe(1);
    expect(await searchIds(db, '漏水')).toEqual([]);
    expect(await searchIds(db, '保留')).toEqual(['stay']);
    // And the same file restores whole afterwards.
    expect((await restore(db, file)).issues).toBe(200);
    expect(await countIssues(db)).toBe(201);
  });
});
