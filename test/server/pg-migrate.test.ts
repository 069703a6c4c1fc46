/**
 * `linli migrate --from ./linli.db --to postgres://…`: a SQLite install with ballots, receipts, rolls, proposals
 * and staff moves into PostgreSQL; the chain verifies there, receipts resolve, unused codes still vote and used
 * ones do not, the staff token still works. A second move into the now non-empty database is refused.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLinliService } from '../../server/domain/linli';
import { type Instance, linli, serve, stop } from '../support/linli-process';
import { ROLL_CSV, testDatabase } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'linli-move-'));
const file = join(dir, 'linli.db');
let url = '';
let token = '';
const receipts: string[] = [];
let unusedCode = '';
let usedCode = '';
/** The SQLite install's pepper must travel with it: the file it wrote beside the database. */
const noPepper = { LINLI_CODE_PEPPER: '' };

describe('moving a SQLite install into PostgreSQL', () => {
  beforeAll(async () => {
    url = await testDatabase(dir, 'moved');
    // Built as an operator would have: pepper in linli.db.pepper, not in the environment of this test project.
    const saved = process.env.LINLI_CODE_PEPPER;
    delete process.env.LINLI_CODE_PEPPER;
    try {
      const service = await openLinliService(file);
      await service.createConsultation({
        slug: 'elevator-9',
        title: '9号楼加装电梯',
        community: 'heping',
        phase: 'voting',
        ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-major' },
      });
      await service.importRoll('elevator-9', ROLL_CSV);
      const codes = await service.issueCodes('elevator-9');
      for (const [i, c] of codes.slice(0, 3).entries()) {
        const cast = await service.castBallot(
          'elevator-9',
          { choices: [i === 1 ? 'no' : 'yes'], code: c.code },
          { idempotencyKey: `key-${i}` },
        );
        receipts.push(cast.receipt.receiptId);
      }
      usedCode = codes[0]!.code;
      unusedCode = codes[3]!.code;
      await service.createConsultation({
        slug: 'wishes',
        title: '微心愿',
        community: 'heping',
        phase: 'collecting',
        autoPublish: true,
      });
      const wish = await service.submitProposal('wishes', { kind: 'wish', title: '楼道装扶手', authorName: '王阿姨' });
      await service.supportProposal(wish.id, 'browser-1');
      await service.addDepartment('房管办');
      token = await service.createToken({ name: '居委会' });
      await service.close();
    } finally {
      process.env.LINLI_CODE_PEPPER = saved;
    }
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('moves every ballot, receipt and roll; the chain verifies and codes keep working', async () => {
    const moved = linli(['migrate', '--from', file, '--to', url], noPepper);
    expect(moved.stderr).toBe('');
    expect(moved.status).toBe(0);
    expect(moved.stdout).toMatch(/ballots\s+3/);
    expect(moved.stdout).toMatch(/roll_units\s+4/);

    const pepper = readFileSync(`${file}.pepper`, 'utf8').trim();
    const env = { LINLI_CODE_PEPPER: pepper };
    const audit = linli(['audit', 'verify', 'elevator-9', '--db', url], env);
    expect(audit.stderr).toBe('');
    expect(audit.status).toBe(0);

    let instance: Instance | null = null;
    try {
      instance = await serve(['--db', url], env);
      const api = `${instance.url}/api/v1`;
      for (const id of receipts) {
        const res = await fetch(`${api}/receipts/${id}`);
        expect(res.status).toBe(200);
        expect(((await res.json()) as { receiptId: string }).receiptId).toBe(id);
      }
      const vote = (code: string, key?: string) =>
        fetch(`${api}/consultations/elevator-9/ballots`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
          body: JSON.stringify({ choices: ['yes'], code }),
        });
      // The key a resident's widget used before the move still replays the same receipt.
      const replay = await vote(usedCode, 'key-0');
      expect(((await replay.json()) as { receiptId: string }).receiptId).toBe(receipts[0]);
      expect((await vote(usedCode)).status).toBe(409);
      const fresh = await vote(unusedCode);
      expect(fresh.status).toBe(201);
      expect(((await fresh.json()) as { seq: number }).seq).toBe(4);
      // A code vote is a secret ballot: its running count is read as staff (the public sees it at the close).
      const staffRead = { headers: { authorization: `Bearer ${token}` } };
      const tally = (await (await fetch(`${api}/consultations/elevator-9/tally`, staffRead)).json()) as {
        totals: Record<string, { count: number }>;
        participation: { ballots: number };
      };
      expect(tally.participation.ballots).toBe(4);
      // Owners, not ballots: unit 201 (yes) has two.
      expect(tally.totals.yes!.count).toBe(4);
      expect(tally.totals.no!.count).toBe(1);
      const wishes = (await (await fetch(`${api}/consultations/wishes/proposals`)).json()) as {
        proposals: Array<{ supports: number }>;
      };
      expect(wishes.proposals.map((w) => w.supports)).toEqual([1]);
      // The staff token made before the move still authenticates (only its hash was moved).
      const pending = `${api}/consultations/wishes/proposals?status=pending`;
      expect((await fetch(pending, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
      expect((await fetch(pending, { headers: { authorization: 'Bearer not-a-token' } })).status).toBe(401);
    } finally {
      if (instance) await stop(instance.child);
    }
    expect(linli(['audit', 'verify', 'elevator-9', '--db', url], env).status).toBe(0);
  });

  it('refuses to move into a database that is not empty, writing nothing', () => {
    const again = linli(['migrate', '--from', file, '--to', url], noPepper);
    expect(again.status).toBe(2);
    expect(again.stderr.trim()).toMatch(/^linli migrate: nothing was moved: the target database is not empty/);
    const wrongPepper = linli(['migrate', '--from', file, '--to', url], { LINLI_CODE_PEPPER: 'q'.repeat(40) });
    expect(wrongPepper.status).toBe(2);
    expect(wrongPepper.stderr).toContain('LINLI_CODE_PEPPER differs from the pepper of');
  });
});
