import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleIsFresh } from '../../bin/fresh.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = `.test-results/cli-bundle-${process.pid}`;
afterAll(() => rmSync(path.join(root, out), { recursive: true, force: true }));

const election = {
  method: 'ranked',
  options: ['a', 'b', 'c'],
  rule: { preset: 'plurality' },
  ballots: [
    { choices: ['a'] },
    { choices: ['b'] },
    { choices: ['b', 'a'] },
    { choices: ['c', 'b'] },
    { choices: ['a'] },
  ],
};

describe('the compiled CLI', () => {
  it('counts exactly as the sources do, and names a bad field the same way', () => {
    const build = spawnSync(process.execPath, ['scripts/build-cli.mjs'], {
      cwd: root,
      env: { ...process.env, LINLI_CLI_OUTDIR: out },
      encoding: 'utf8',
    });
    expect(build.status, build.stderr).toBe(0);
    const dir = path.join(root, out);
    writeFileSync(path.join(dir, 'good.json'), JSON.stringify(election));
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...election, ballots: [{ choices: ['a', 'z'] }] }));
    const viaBundle = (file: string) =>
      spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const { main } = await import(${JSON.stringify(pathToFileURL(path.join(dir, 'linli.mjs')).href)});
           process.exitCode = await main(['tally', ${JSON.stringify(path.join(dir, file))}]);`,
        ],
        { cwd: root, encoding: 'utf8' },
      );
    const viaSource = (file: string) =>
      spawnSync(process.execPath, ['bin/linli.mjs', 'tally', path.join(dir, file)], {
        cwd: root,
        env: { ...process.env, LINLI_FROM_SOURCE: '1' },
        encoding: 'utf8',
      });
    const good = viaBundle('good.json');
    expect(good.status, good.stderr).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ winner: 'b' });
    expect(good.stdout).toBe(viaSource('good.json').stdout);
    const bad = viaBundle('bad.json');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('ballots[0].choices[1]: "z" is not one of the options');
    expect(bad.stderr).toBe(viaSource('bad.json').stderr);
  });

  it('is used only while every source it was built from is unchanged', () => {
    const dir = path.join(root, out, 'stamp');
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    const source = path.join(dir, 'main.ts');
    writeFileSync(source, 'export {};\n');
    utimesSync(source, 1_700_000_000, 1_700_000_000);
    const stamp = (size: number, mtime: number) =>
      writeFileSync(path.join(dir, 'dist/linli.inputs.json'), JSON.stringify([['main.ts', size, mtime]]));
    const rootUrl = pathToFileURL(`${dir}/`);
    stamp(11, 1_700_000_000_000);
    expect(bundleIsFresh(rootUrl)).toBe(true);
    writeFileSync(source, 'export {};\n'); // same size, new modification time: an edit
    expect(bundleIsFresh(rootUrl)).toBe(false);
    stamp(readFileSync(source).length + 1, 1_700_000_000_000);
    expect(bundleIsFresh(rootUrl)).toBe(false);
    rmSync(path.join(dir, 'dist/linli.inputs.json'));
    expect(bundleIsFresh(rootUrl)).toBe(false);
  });
});
