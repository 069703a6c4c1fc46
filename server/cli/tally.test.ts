import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '../../bin/linli.mjs');
const dir = mkdtempSync(join(tmpdir(), 'linli-tally-'));

function linli(...args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, json: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof json === 'string' ? json : JSON.stringify(json));
  return path;
}

describe('linli tally', () => {
  it('prints the result of the elevator example as JSON', () => {
    const ballots = [
      ...Array.from({ length: 48 }, () => ({ choices: ['yes'], weight: { area: '80.00', count: 1 } })),
      ...Array.from({ length: 5 }, () => ({ choices: ['no'], weight: { area: '80.00', count: 1 } })),
    ];
    const path = file('elevator.json', {
      method: 'yesno',
      options: ['yes', 'no', 'abstain'],
      rule: { preset: 'civil-code-major' },
      electorate: { area: '5230.40', count: 64 },
      ballots,
    });
    const { code, stdout } = linli('tally', path, '--lang', 'en');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    // 53 of 64 owners and 4240.00 of 5230.40 m² take part; 48 of 53 owners and 3840.00 of 4240.00 m² approve.
    expect(result).toMatchObject({ passed: true, winner: 'yes', totals: { yes: { count: 48, area: '3840.00' } } });
    expect(result.reasons.length).toBeGreaterThan(2);
  });

  it.each([
    [{ method: 'borda', rule: 'plurality', ballots: [] }, /^.*\.json: method: /],
    [{ method: 'yesno', rule: 'civil-code-major', ballots: [] }, /electorate\.area: required by civil-code-major/],
    [
      {
        method: 'yesno',
        rule: 'civil-code-major',
        electorate: { area: '10', count: 2 },
        ballots: [{ choices: ['yes'], weight: { area: '12.345' } }],
      },
      /ballots\[0\]\.weight\.area: "12\.345" is not an area/,
    ],
    [
      { method: 'single', options: ['a', 'b'], rule: 'plurality', ballots: [{ choices: ['c'] }] },
      /ballots\[0\]\.choices\[0\]: "c" is not one of the options/,
    ],
  ])('exits 2 with one line naming the field (%#)', (input, message) => {
    const { code, stderr, stdout } = linli('tally', file('bad.json', input));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('names an unreadable or malformed file', () => {
    expect(linli('tally', join(dir, 'missing.json'))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/missing\.json: cannot read/),
    });
    expect(linli('tally', file('broken.json', '{"method":'))).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/not valid JSON/),
    });
  });

  it('has help for the command and the overview', () => {
    expect(linli('tally', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/Usage: linli tally FILE/),
    });
    expect(linli('--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/tally/) });
    expect(linli('frobnicate').code).toBe(2);
  });
});
