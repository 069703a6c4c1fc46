/**
 * A ballot batch is answered only once a sync of the -wal file begun after its COMMIT has returned. The sync here is
 * held by the test, so "not answered yet" is observed, not inferred from timing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WalSync } from './wal-sync';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A WalSync whose syncs wait until the test releases them, in any order. */
function heldSync() {
  dir = mkdtempSync(join(tmpdir(), 'linli-wal-sync-'));
  const file = join(dir, 'linli.db-wal');
  writeFileSync(file, '');
  const held: Array<(error: Error | null) => void> = [];
  const wal = new WalSync(file, (_fd, done) => held.push(done));
  const answered: Array<string> = [];
  const commit = (name: string) =>
    wal.afterCommit((error) => answered.push(error ? `${name}: ${error.message}` : name));
  return { wal, held, answered, commit };
}

describe('WAL sync after commit', () => {
  it('answers no batch before a sync begun after its commit returns, and then every batch up to it, in order', () => {
    const { wal, held, answered, commit } = heldSync();
    commit('a');
    commit('b');
    commit('c');
    expect(held).toHaveLength(3);
    expect(answered).toEqual([]);
    // The sync begun after b's commit covers a's frames too.
    held[1]!(null);
    expect(answered).toEqual(['a', 'b']);
    held[0]!(null);
    expect(answered).toEqual(['a', 'b']);
    expect(wal.pending).toBe(1);
    held[2]!(null);
    expect(answered).toEqual(['a', 'b', 'c']);
    wal.close();
  });

  it('fails every waiting batch and every later one once a sync fails', () => {
    const { wal, held, answered, commit } = heldSync();
    commit('a');
    commit('b');
    held[0]!(new Error('EIO'));
    expect(answered).toEqual(['a: EIO', 'b: EIO']);
    held[1]!(null);
    commit('c');
    expect(answered).toEqual(['a: EIO', 'b: EIO', 'c: EIO']);
    wal.close();
  });
});
