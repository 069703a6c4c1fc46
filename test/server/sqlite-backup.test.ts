/**
 * `linli backup FILE` copies a live SQLite database while `linli serve` keeps recording ballots: the copy opens,
 * its chain and tally verify, and it holds a consistent prefix of the ballot box (every ballot in it is one the
 * server acknowledged, in the same seq order).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLinliService } from '../../server/domain/linli';
import { linli, serve, stop } from '../support/linli-process';

const dir = mkdtempSync(join(tmpdir(), 'linli-backup-'));
const file = join(dir, 'linli.db');

describe('linli backup (SQLite online backup)', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies a consistent database while ballots are being cast', async () => {
    const setup = await openLinliService(file);
    await setup.createConsultation({
      slug: 'big-vote',
      title: '小区停车方案',
      community: 'heping',
      phase: 'voting',
      ballot: { method: 'yesno', eligibility: 'code', rule: 'simple-majority' },
    });
    const units = Array.from({ length: 400 }, (_, i) => `${2000 + i},住户${i},70.00,1`);
    await setup.importRoll('big-vote', ['房号,姓名,面积,人数', ...units].join('\n'));
    const codes = await setup.issueCodes('big-vote');
    await setup.close();

    const server = await serve(['--db', file]);
    const receipts = new Map<string, number>(); // receiptId → seq
    let sending = true;
    const queue = [...codes];
    const worker = async () => {
      for (let c = queue.shift(); c && sending; c = queue.shift()) {
        const res = await fetch(`${server.url}/api/v1/consultations/big-vote/ballots`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ choices: ['yes'], code: c.code }),
        });
        expect(res.status).toBe(201);
        const body = (await res.json()) as { receiptId: string; seq: number };
        receipts.set(body.receiptId, body.seq);
      }
    };
    const load = Promise.all(Array.from({ length: 8 }, worker));
    try {
      while (receipts.size < 60) await new Promise((r) => setTimeout(r, 20));
      const copy = join(dir, 'copy.db');
      const backup = linli(['backup', copy, '--db', file]);
      const during = receipts.size;
      expect(backup.stderr).toBe('');
      expect(backup.status).toBe(0);
      expect(backup.stdout).toContain('is not in the copy');
      // Still voting while the copy was taken.
      expect(queue.length).toBeGreaterThan(0);
      sending = false;
      await load;

      // The pepper is not in the backup: none was written beside it.
      expect(existsSync(`${copy}.pepper`)).toBe(false);
      // Restoring means the copy plus the pepper kept apart: a receipts box's hashes commit with secrets from it.
      const pepper = readFileSync(`${file}.pepper`, 'utf8').trim();
      const audit = linli(['audit', 'verify', 'big-vote', '--db', copy, '--json'], { LINLI_CODE_PEPPER: pepper });
      expect(audit.status).toBe(0);
      const report = JSON.parse(audit.stdout) as { ok: boolean; entries: number };
      expect(report.ok).toBe(true);
      expect(report.entries).toBeGreaterThan(0);
      expect(report.entries).toBeLessThanOrEqual(receipts.size);
      expect(report.entries).toBeGreaterThanOrEqual(Math.min(during, 60));
      const restored = await openLinliService(copy);
      const box = await restored.getBallotBox('big-vote', { limit: 10_000, staff: true });
      expect(box.map((e) => e.seq)).toEqual(Array.from({ length: report.entries }, (_, i) => i + 1));
      // A prefix of what the server acknowledged: each receipt up to the copy's last seq is in it, none after.
      for (const [receiptId, seq] of receipts) {
        const found = await restored.getReceipt(receiptId).catch(() => null);
        if (seq <= report.entries) expect(found?.seq).toBe(seq);
        else expect(found).toBeNull();
      }
      await restored.close();

      const refused = linli(['backup', copy, '--db', file]);
      expect(refused.status).toBe(2);
      expect(refused.stderr.trim()).toBe(`linli backup: ${copy} already exists; choose a new file`);
    } finally {
      sending = false;
      await load.catch(() => {});
      await stop(server.child);
    }
  }, 120_000);
});
