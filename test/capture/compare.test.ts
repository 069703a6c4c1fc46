import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFixtures } from './compare';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function fixtures(files: Record<string, string>) {
  dir = mkdtempSync(path.join(tmpdir(), 'linli-fixtures-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('fixture loader', () => {
  it('loads a page with its expectation', () => {
    const d = fixtures({ 'a.html': '<h1>x</h1>', 'a.expected.json': '{"url": "https://x.example/", "issues": []}' });
    expect(listFixtures(d).map((c) => c.name)).toEqual(['a']);
  });

  it('an expectation that is not valid JSON stops the suite, naming the file', () => {
    const d = fixtures({ 'a.html': '<h1>x</h1>', 'a.expected.json': '{"url": "https://x.example/", "issues": [' });
    expect(() => listFixtures(d)).toThrow(/a\.expected\.json cannot be read/);
  });

  it('a page without its expectation stops the suite, naming the file', () => {
    const d = fixtures({ 'b.html': '<h1>x</h1>' });
    expect(() => listFixtures(d)).toThrow(/b\.expected\.json cannot be read/);
  });

  it('an expectation without issues stops the suite, naming the field', () => {
    const d = fixtures({ 'c.html': '<h1>x</h1>', 'c.expected.json': '{"url": "https://x.example/"}' });
    expect(() => listFixtures(d)).toThrow(/c\.expected\.json: "issues" must be an array/);
  });
});
