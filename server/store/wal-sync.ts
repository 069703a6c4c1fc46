/**
 * The WAL's fsync, taken out from under SQLite's write lock so that commits overlap it (group commit with overlap).
 *
 * With synchronous=FULL, SQLite's COMMIT writes the batch's frames to the -wal file and then fsyncs it while still
 * holding the write lock: the next batch cannot even begin until the disk has answered (10 ms median, 36 ms p90
 * on this machine's shared disk), so 64 clients saw at most ~32 ballots become durable per fsync. The writer
 * connection instead commits with synchronous=OFF, which changes one thing only: SQLite does not call fsync itself.
 * The frames are written the same way (the commit frame last, every frame checksummed and salted). Right after each
 * COMMIT, this class calls `fdatasync` on the same -wal file, off the thread's event loop, and answers the batch
 * only when that returns: a sync started after a commit's last write covers that commit (and every earlier one, as
 * fsync flushes the file, not a descriptor). Meanwhile the writer commits the next batch, whose own sync follows.
 *
 * Why nothing acknowledged can be lost, even on power loss:
 * - an answer waits for an fdatasync of the -wal file begun after the batch's COMMIT returned: the batch's frames,
 *   the file's size and (see `open`) its directory entry are on disk, which is what synchronous=FULL gives;
 * - frames not yet synced that a crash tears are what SQLite's recovery is built for: it replays the log up to the
 *   last commit frame whose checksum chain holds, so a torn tail loses only unanswered batches;
 * - a checkpoint copies WAL frames into the database file, and SQLite later rewrites the -wal file from its start.
 *   A checkpoint that did not sync first would let that rewrite destroy frames whose pages were never synced in the
 *   database file, so the writer connection never checkpoints with synchronous=OFF (wal_autocheckpoint=0, and the
 *   checkpoints it runs switch to FULL first: sqlite-writer.worker.ts); the main connection stays FULL.
 */
import { closeSync, fdatasync, fstatSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

type SyncFn = (fd: number, done: (error: Error | null) => void) => void;

interface Waiting {
  ticket: number;
  done(error: Error | null): void;
}

export class WalSync {
  private fd: number;
  private issued = 0;
  /** The highest ticket whose sync has returned. */
  private synced = 0;
  private readonly waiting: Waiting[] = [];
  private failure: Error | null = null;
  syncs = 0;

  /**
   * `sync`: the fdatasync to call (a test holds it to show that nothing is answered before it returns).
   */
  constructor(
    private readonly walFile: string,
    private readonly sync: SyncFn = fdatasync,
  ) {
    this.fd = this.open();
  }

  /**
   * Opens the -wal file SQLite writes. SQLite syncs a journal's directory the first time it syncs that journal; the
   * writer connection never syncs, so the directory is synced here, once per opening: the file's name is then as
   * durable as its contents will be.
   */
  private open(): number {
    const fd = openSync(this.walFile, 'r');
    const dir = openSync(dirname(this.walFile), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
    return fd;
  }

  /**
   * Called right after a COMMIT has returned: `done` runs once the -wal file has been synced by a call begun after
   * this one (its error, if the sync failed). Answers come in the order of the calls.
   */
  afterCommit(done: (error: Error | null) => void): void {
    if (this.failure) {
      done(this.failure);
      return;
    }
    // SQLite deletes the -wal file only when the last connection closes, and this thread's stays open; a file
    // replaced all the same (another program) would leave this descriptor on the old one, so look once per batch.
    if (fstatSync(this.fd).nlink === 0) {
      closeSync(this.fd);
      this.fd = this.open();
    }
    const ticket = ++this.issued;
    this.waiting.push({ ticket, done });
    // Each commit gets its own sync at once rather than joining the next one: a sync begun before this commit's
    // writes could not cover them, so waiting for the one in flight and then another costs up to two sync times.
    this.sync(this.fd, (error) => this.settle(ticket, error));
  }

  private settle(ticket: number, error: Error | null) {
    this.syncs += 1;
    if (error) {
      // After a failed fsync the kernel may have dropped the dirty pages: nothing written since the last good sync
      // can be vouched for, now or later. Every waiting batch hears the error, and so does every later one.
      this.failure ??= error;
    } else {
      this.synced = Math.max(this.synced, ticket);
    }
    // A sync covers every commit before its own (the file, not the descriptor, is flushed): answer those too.
    while (this.waiting.length > 0) {
      const first = this.waiting[0]!;
      if (this.failure) {
        this.waiting.shift();
        first.done(this.failure);
      } else if (first.ticket <= this.synced) {
        this.waiting.shift();
        first.done(null);
      } else break;
    }
  }

  /** Whether commits are waiting for their sync. */
  get pending(): number {
    return this.waiting.length;
  }

  close(): void {
    closeSync(this.fd);
  }
}
