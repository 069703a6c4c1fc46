import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLinliService } from '../../server/domain/linli';
import { FailureCounter } from '../../server/http/ballot-limits';

/**
 * The wrong-code lockout on SQLite skips the database for addresses that never sent a wrong code (the hot path of
 * every ballot), yet still counts every refused code and keeps the lockout across a restart.
 */
describe('wrong-code lockout on SQLite', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const file = () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-lockout-'));
    dirs.push(dir);
    return join(dir, 'lockout.db');
  };

  it('locks an address out after 3 wrong codes, still after a restart, and lets it in once the window passes', async () => {
    const path = file();
    let now = 1_000_000;
    const clock = () => now;
    const service = await openLinliService(path);
    const guard = new FailureCounter(service, 3, 60_000, clock);
    for (let i = 0; i < 3; i++) {
      expect(await guard.wait('10.0.0.9 lift')).toBe(0);
      await guard.fail('10.0.0.9 lift');
      now += 1000;
    }
    expect(await guard.wait('10.0.0.9 lift')).toBe(57);
    expect(await guard.wait('10.0.0.8 lift')).toBe(0);
    await service.close();

    const reopened = await openLinliService(path);
    try {
      const afterRestart = new FailureCounter(reopened, 3, 60_000, clock);
      expect(await afterRestart.wait('10.0.0.9 lift')).toBe(57);
      now += 60_000;
      expect(await afterRestart.wait('10.0.0.9 lift')).toBe(0);
    } finally {
      await reopened.close();
    }
  });

  it('asks the database only for addresses with a recorded failure', async () => {
    const service = await openLinliService(file());
    try {
      const lookups = vi.spyOn(service, 'recentCodeFailures');
      const guard = new FailureCounter(service, 20, 600_000);
      for (let i = 0; i < 50; i++) expect(await guard.wait(`10.0.1.${i} lift`)).toBe(0);
      expect(lookups).not.toHaveBeenCalled();
      await guard.fail('10.0.1.7 lift');
      expect(await guard.wait('10.0.1.7 lift')).toBe(0);
      expect(lookups).toHaveBeenCalledTimes(1);
    } finally {
      await service.close();
    }
  });
});
