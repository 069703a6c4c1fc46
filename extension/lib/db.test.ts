import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openDb } from './db';
import { queryLibrary } from './library';
import { issue } from './test-helpers';

describe('the library database', () => {
  it('upgrades a version-1 library: its issues become searchable and the outbox appears', async () => {
    const name = `upgrade-${Math.random()}`;
    // Version 1 exactly as the first release declared it.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      issues: 'id, source.url, source.caseNumber, status, category, source.portal, createdAt, updatedAt, *tags',
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
