import 'fake-indexeddb/auto';
import type { Issue } from '@linli/core';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DB_VERSION, openDb } from './db';
import { countIssues, facets, queryLibrary } from './library';
import { matchesPlan, planQuery, searchText, termsOf } from './search';
import { issue } from './test-helpers';

const V1_ISSUES = 'id, source.url, source.caseNumber, status, category, source.portal, createdAt, updatedAt, *tags';
const V2_ISSUES =
  'id, source.url, source.caseNumber, status, category, source.portal, createdAt, updatedAt, sortDate, *tags, *terms';

/** A library left by version 2 of the extension: its rows carry the terms and sortDate it derived. */
async function versionTwoLibrary(name: string, issues: Issue[]) {
  const v2 = new Dexie(name);
  v2.version(2).stores({ issues: V2_ISSUES, recipes: 'id', settings: 'key', outbox: '++seq, &key, createdAt' });
  await v2.table('issues').bulkPut(
    issues.map((i) => ({
      ...i,
      terms: [...termsOf(searchText(i))].map((t) => `${t}\u0001x`),
      sortDate: i.createdAt,
    })),
  );
  v2.close();
}

const PROBLEMS = ['楼道漏水', '路灯不亮', '电梯故障', '垃圾堆放'];
const sample = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    issue({
      id: `u${i}`,
      title: `${(i % 9) + 1}号楼${PROBLEMS[i % 4]}`,
      description: `编号WG-${1000 + i}`,
      category: PROBLEMS[i % 4],
      createdAt: new Date(Date.UTC(2026, 1, 1) + i * 60_000).toISOString(),
    }),
  );

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the library database', () => {
  it('upgrades a version-1 library: its issues become searchable and the outbox appears', async () => {
    const name = `upgrade-${Math.random()}`;
    // Version 1 exactly as the first release declared it.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      issues: V1_ISSUES,
      recipes: 'id',
      settings: 'key',
    });
    await v1.table('issues').put(issue({ id: 'old1', title: '3号楼楼道漏水', description: '顶楼渗水' }));
    await v1.table('settings').put({ key: 'ui', value: { locale: 'en' } });
    v1.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    const found = await queryLibrary(db, { text: '漏水' });
    expect(found.issues.map((i) => i.id)).toEqual(['old1']);
    expect(await db.settings.get('ui')).toEqual({ key: 'ui', value: { locale: 'en' } });
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('upgrades a version-2 library without losing a search term: every issue is found as a scan finds it', async () => {
    const name = `upgrade2-${Math.random()}`;
    const issues = sample(1500);
    await versionTwoLibrary(name, issues);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name)).not.toContain('issues');
    expect(await countIssues(db)).toBe(1500);
    for (const q of ['漏水', '3号楼', '电梯故障', 'wg-10', '1042', '垃']) {
      const plan = planQuery(q);
      const want = issues
        .filter((i) => matchesPlan(termsOf(searchText(i)), plan))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((i) => i.id);
      expect(want.length).toBeGreaterThan(0);
      expect([q, (await queryLibrary(db, { text: q, limit: 2000 })).issues.map((i) => i.id)]).toEqual([q, want]);
    }
    expect((await facets(db)).categories).toEqual([...PROBLEMS].sort());
    db.close();
  });

  it('an upgrade cut off midway leaves the version-2 library whole, and the next opening upgrades it', async () => {
    const name = `upgrade-cut-${Math.random()}`;
    await versionTwoLibrary(name, sample(300));
    const db = openDb(name);
    // The panel closes while the upgrade writes: its transaction aborts.
    const bulkPut = db.Table.prototype.bulkPut;
    vi.spyOn(db.Table.prototype, 'bulkPut').mockImplementation(function (this: { name: string }, ...args) {
      if (this.name === 'postings') throw new Error('the panel closed');
      return bulkPut.apply(this, args as Parameters<typeof bulkPut>);
    });
    await expect(db.open()).rejects.toThrow();
    db.close();
    vi.restoreAllMocks();

    const v2 = new Dexie(name);
    v2.version(2).stores({ issues: V2_ISSUES, recipes: 'id', settings: 'key', outbox: '++seq, &key, createdAt' });
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(v2.tables.map((t) => t.name).sort()).toEqual(['issues', 'outbox', 'recipes', 'settings']);
    expect(await v2.table('issues').count()).toBe(300);
    v2.close();

    const again = openDb(name);
    expect(await countIssues(again)).toBe(300);
    expect((await queryLibrary(again, { text: '路灯', limit: 300 })).issues).toHaveLength(75);
    again.close();
  });

  it('closes and tells the panel when another window opens a newer version', async () => {
    const name = `vc-${Math.random()}`;
    let told = 0;
    const db = openDb(name, () => {
      told += 1;
    });
    await db.open();
    const newer = new Dexie(name);
    newer.version(DB_VERSION + 1).stores({ issues: 'id' });
    await newer.open(); // would be blocked forever if the first connection stayed open
    expect(told).toBe(1);
    expect(db.isOpen()).toBe(false);
    newer.close();
  });
});
