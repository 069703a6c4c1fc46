/**
 * The server (node:crypto) and the widget (WebCrypto) hash the ballot box through one definition in core
 * (core/ledger/chain.ts). Here both sides recompute a real chain, written by a server run over HTTP, and must agree
 * with it and with each other: every format a box is written in now, content with choices and with allocations.
 */
import { ballotHashWith, type ChainBallot, chainHashWith, genesisText, type HashFormat } from '@linli/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainHash, sha256Hex as nodeSha256, publicEntryHash } from '../../server/ledger/chain';
import { verifyReceipt, sha256Hex as webSha256 } from '../../widgets/src/client/verify';
import { openCodeVote, ROLL_CSV, TestServer } from './harness';

type Entry = ChainBallot & { ballotHash: string; prevHash: string; chainHash: string };
interface Cast {
  receipt: { seq: number; ballotHash: string; chainHash: string; secret?: string; consultationId: string };
  content: { choices?: string[]; allocation?: Record<string, number> };
  weight: { area?: string; count: number };
}

/** Both hashers on one input: they must give the same hex, or the browser and the server disagree on a box. */
async function bothHash(format: HashFormat, ballot: ChainBallot): Promise<string> {
  const node = ballotHashWith(nodeSha256, format, ballot);
  expect(await ballotHashWith(webSha256, format, ballot)).toBe(node);
  return node;
}

describe('one hash chain format for the server and the widget', () => {
  const t = new TestServer({ rateLimits: { openBallot: { burst: 100, perMinute: 100 } } });
  const areas = new Map(
    ROLL_CSV.split('\n')
      .slice(1)
      .map((l) => l.split(','))
      .map((f) => [f[0]!, f[2]!]),
  );
  const casts = new Map<string, Cast[]>();

  async function codeVote(slug: string, ballotBox: 'public' | 'receipts', choices: string[]) {
    const codes = await openCodeVote(t, slug, { ballot: { ballotBox } });
    const done: Cast[] = [];
    for (const [i, choice] of choices.entries()) {
      const { unit, code } = codes[i]!;
      const res = await t.call('POST', `/consultations/${slug}/ballots`, { body: { choices: [choice], code } });
      expect(res.status).toBe(201);
      done.push({
        receipt: res.body,
        content: { choices: [choice] },
        weight: { area: areas.get(unit)!, count: unit === '201' ? 2 : 1 },
      });
    }
    casts.set(slug, done);
  }

  beforeAll(async () => {
    await t.start();
    await codeVote('lift-public', 'public', ['yes', 'no', 'yes']);
    await codeVote('lift-secret', 'receipts', ['no', 'yes', 'abstain']);
    await t.staff('POST', '/consultations', {
      body: {
        slug: 'budget',
        title: '参与式预算',
        community: 'heping',
        phase: 'voting',
        ballot: {
          method: 'budget',
          eligibility: 'open',
          rule: 'plurality',
          budget: 100,
          options: [
            { id: 'lights', label: '路灯', cost: 3000 },
            { id: 'benches', label: '长椅', cost: 2000 },
          ],
        },
      },
    });
    const done: Cast[] = [];
    const allocations: Array<Record<string, number>> = [{ lights: 60, benches: 40 }, { benches: 100 }];
    for (const [i, allocation] of allocations.entries()) {
      const res = await t.call('POST', '/consultations/budget/ballots', {
        body: { allocation, voterKey: `browser-chain-${i}000` },
      });
      expect(res.status).toBe(201);
      done.push({ receipt: res.body, content: { allocation }, weight: { count: 1 } });
    }
    casts.set('budget', done);
  });
  afterAll(() => t.dispose());

  for (const slug of ['lift-public', 'lift-secret', 'budget']) {
    it(`recomputes the ${slug} box identically on both sides, from its genesis to its head`, async () => {
      const box = (await t.call('GET', `/consultations/${slug}/ballot-box`)).body;
      const entries = box.entries as Entry[];
      const mine = casts.get(slug)!;
      expect(entries).toHaveLength(mine.length);
      const genesis = genesisText(mine[0]!.receipt.consultationId, box.electorate?.digest);
      expect(await webSha256(genesis)).toBe(nodeSha256(genesis));
      let prev = nodeSha256(genesis);
      for (const [i, entry] of entries.entries()) {
        const { receipt, content, weight } = mine[i]!;
        expect(entry.prevHash).toBe(prev);
        expect(chainHash(entry.prevHash, entry.ballotHash)).toBe(entry.chainHash);
        expect(await chainHashWith(webSha256, entry.prevHash, entry.ballotHash)).toBe(entry.chainHash);
        // The ballot hash from the content this voter cast (and, in a receipts box, their receipt's secret).
        const format = receipt.secret ? 3 : 2;
        expect(await bothHash(format, { seq: entry.seq, ...content, weight, secret: receipt.secret })).toBe(
          entry.ballotHash,
        );
        if (box.ballotBox === 'public') {
          // Anyone recounts a public box from what it lists: the server's verifier and the widget agree.
          expect(publicEntryHash(entry)).toBe(entry.ballotHash);
          expect(await verifyReceipt(receipt, entry, content)).toBe('verified');
        } else {
          // A receipts box lists hashes only: the widget links the receipt, and with the weight it recomputes it.
          expect(await verifyReceipt(receipt, entry, content)).toBe('linked');
          expect(await verifyReceipt(receipt, { ...entry, weight }, content)).toBe('verified');
          expect(await verifyReceipt(receipt, { ...entry, weight }, { choices: ['maybe'] })).toBe('mismatch');
        }
        prev = entry.chainHash;
      }
      expect(box.head).toEqual({ seq: entries.length, chainHash: prev });
      expect(await t.service.auditVerify(slug)).toMatchObject({ ok: true, chainOk: true });
    });
  }
});
