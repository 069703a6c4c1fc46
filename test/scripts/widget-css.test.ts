import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { minifyCss } from '../../scripts/build-widgets.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const minify = minifyCss as (css: string) => string;

/** The widgets' stylesheets: the text of every css`` in widgets/src/**\/*.styles.ts. */
function stylesheets(): Array<[string, string]> {
  const dir = path.join(root, 'widgets/src');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.styles.ts'))
    .flatMap((f) =>
      [...readFileSync(path.join(dir, f), 'utf8').matchAll(/css`([^`]*)`/g)].map((m): [string, string] => [f, m[1]!]),
    );
}

/** Text outside quoted strings without any whitespace, quoted strings as they are. */
const squeezed = (css: string) =>
  css
    .split(/('[^']*'|"[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, '')))
    .join('');

describe('widget stylesheets in the bundle (scripts/build-widgets.mjs)', () => {
  it('lose comments and spaces only where CSS does not read them', () => {
    expect(minify("a > b {\n  font-family: 'PingFang SC', serif; /* why */\n  margin: calc(1px + 2px) 0;\n}\n")).toBe(
      "a>b{font-family:'PingFang SC', serif;margin:calc(1px + 2px) 0}",
    );
  });

  it('keep every character of every rule of the widgets (comments and a rule’s last semicolon aside)', () => {
    const sheets = stylesheets();
    expect(sheets.length).toBeGreaterThanOrEqual(4);
    for (const [file, css] of sheets) {
      const out = minify(css);
      expect(out.length, file).toBeLessThan(css.length);
      expect(squeezed(out), file).toBe(squeezed(css.replace(/\/\*[\s\S]*?\*\//g, '')).replace(/;}/g, '}'));
      // Words two spaces apart stay apart: nothing but spaces beside punctuation went.
      expect(out.split(/[\s{};>:]+/).filter(Boolean), file).toEqual(
        css
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .split(/[\s{};>:]+/)
          .filter(Boolean),
      );
    }
  });
});
