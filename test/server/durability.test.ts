import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type TempDb, tempDb } from '../../server/domain/test-helpers';

let db: TempDb;
afterEach(() => db?.cleanup());

/**
 * A child process casts ballots concurrently and prints each receipt id the moment castBallot resolves, then
 * kills itself with SIGKILL (no close, no checkpoint). Every receipt it printed must be in the reopened database.
 */
describe('durability', () => {
  it('keeps every acknowledged ballot when the process is killed', async () => {
    db = tempDb();
    const root = join(import.meta.dirname, '../..');
    const script = join(db.dir, 'voter.mts');
    writeFileSync(
      script,
      `import { writeSync } from 'node:fs';
import { openLinliService } from ${JSON.stringify(join(root, 'server/domain/linli.ts'))};
const service = await openLinliService(${JSON.stringify(db.file)});
await service.createConsultation({ slug: 'poll', title: '意向', phase: 'voting',
  ballot: { method: 'yesno', eligibility: 'open', rule: 'simple-majority' } });
let acknowledged = 0;
for (let i = 0; i < 2000; i++) {
  service.castBallot('poll', { choices: ['yes'], voterKey: 'voter-' + String(i).padStart(6, '0') }).then(({ receipt }) => {
    writeSync(1, receipt.receiptId + '\\n'); // synchronous: printed means acknowledged
    if (++acknowledged === 700) process.kill(process.pid, 'SIGKILL');
  });
}
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.on('data', (chunk) => {
      err += chunk;
    });
    const signal = await new Promise((resolve) => child.on('close', (_code, sig) => resolve(sig)));
    expect(err).toBe('');
    expect(signal).toBe('SIGKILL');
    const acknowledged = out.split('\n').filter(Boolean);
    expect(acknowledged.length).toBeGreaterThanOrEqual(700);
    const service = await db.open();
    for (const id of acknowledged) expect((await service.getReceipt(id)).receiptId).toBe(id);
    expect((await service.auditVerify('poll')).ok).toBe(true);
    await service.close();
  });
});
