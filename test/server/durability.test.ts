import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLinliService } from '../../server/domain/linli';
import { type TempDb, tempDb } from '../../server/domain/test-helpers';
import { STORE_KIND, testDatabase } from './harness';

let db: TempDb;
afterEach(() => db?.cleanup());

/**
 * A child process casts ballots concurrently and prints each receipt id the moment castBallot resolves, then
 * kills itself with SIGKILL (no close, no checkpoint). Every receipt it printed must be in the reopened database.
 */
describe(`durability (${STORE_KIND})`, () => {
  it('keeps every acknowledged ballot when the process is killed', async () => {
    db = tempDb();
    const location = await testDatabase(db.dir);
    const root = join(import.meta.dirname, '../..');
    const script = join(db.dir, 'voter.mts');
    // Receipts go to a regular file: a synchronous write there cannot fail with EAGAIN as a full pipe can.
    const acks = join(db.dir, 'acknowledged.txt');
    writeFileSync(
      script,
      `import { appendFileSync } from 'node:fs';
import { openLinliService } from ${JSON.stringify(join(root, 'server/domain/linli.ts'))};
const service = await openLinliService(${JSON.stringify(location)});
await service.createConsultation({ slug: 'poll', title: '意向', phase: 'voting',
  ballot: { method: 'yesno', eligibility: 'open', rule: 'simple-majority' } });
let acknowledged = 0;
for (let i = 0; i < 2000; i++) {
  service.castBallot('poll', { choices: ['yes'], voterKey: 'voter-' + String(i).padStart(6, '0') }).then(({ receipt }) => {
    appendFileSync(${JSON.stringify(acks)}, receipt.receiptId + '\\n'); // synchronous: written means acknowledged
    if (++acknowledged === 700) process.kill(process.pid, 'SIGKILL');
  });
}
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const signal = await new Promise((resolve) => child.on('close', (_code, sig) => resolve(sig)));
    expect(err).toBe('');
    expect(signal).toBe('SIGKILL');
    const acknowledged = readFileSync(acks, 'utf8').split('\n').filter(Boolean);
    expect(acknowledged.length).toBeGreaterThanOrEqual(700);
    const service = await openLinliService(location);
    for (const id of acknowledged) expect((await service.getReceipt(id)).receiptId).toBe(id);
    expect((await service.auditVerify('poll')).ok).toBe(true);
    await service.close();
  });
});
