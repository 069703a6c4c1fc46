/**
 * Scores extractor output against a fixture's `NAME.expected.json` with the rules of
 * ../shared/fixtures/portals/README.md: plain keys equal after whitespace collapse, `~` keys contain, dates are
 * the same instant, `.length` the same number, the issue count matches, and no `absent` string appears anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractIssues } from '@linli/core/capture';
import { parseHtmlBytes } from '@linli/core/capture/node';

export interface Expected {
  url: string;
  issues: Array<Record<string, unknown>>;
  absent?: string[];
  /** Our own fixtures only: a CSS selector limiting extraction, as a user's selection would. */
  selection?: string;
}

const WS = /[\s\u00a0\u3000\u2000-\u200b\u202f\u205f\ufeff]+/g;
export const collapseWs = (s: string) => s.replace(WS, ' ').trim();

export function getPath(value: unknown, dotted: string): unknown {
  let cur: unknown = value;
  for (const part of dotted.split('.')) {
    if (cur === null || cur === undefined) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function isDateKey(key: string): boolean {
  return key === 'reportedAt' || /(^|\.)at$/.test(key) || /At$/.test(key);
}

/** Mismatches between one output and its expectation, as readable lines (empty = pass). */
export function compareOutput(output: { issues: unknown[] }, expected: Expected): string[] {
  return scoreOutput(output, expected).problems;
}

export interface FieldScore {
  /** Checks made: the issue count, every expected key of every issue, every `absent` string. */
  fields: number;
  /** Checks that passed. */
  right: number;
  problems: string[];
}

/** How a wrong number of cases is reported (score-real.ts counts the pages that have it). */
export const ISSUE_COUNT = 'issue count:';

/**
 * Field by field: the measure of the real-page corpus ("percent of fields right"). Each expected key is one field,
 * the issue count is one, each `absent` string is one; a missing issue fails all of its keys.
 */
export function scoreOutput(output: { issues: unknown[] }, expected: Expected): FieldScore {
  const problems: string[] = [];
  let fields = 0;
  const check = (problem: string | null) => {
    fields += 1;
    if (problem) problems.push(problem);
  };
  check(
    output.issues.length === expected.issues.length
      ? null
      : `${ISSUE_COUNT} got ${output.issues.length}, expected ${expected.issues.length}`,
  );
  expected.issues.forEach((exp, i) => {
    for (const [rawKey, want] of Object.entries(exp)) {
      check(fieldProblem(output.issues[i], `issues.${i}.${rawKey}`, rawKey, want));
    }
  });
  const json = JSON.stringify(output);
  for (const secret of expected.absent ?? []) {
    check(json.includes(secret) ? `absent string present: ${secret}` : null);
  }
  return { fields, right: fields - problems.length, problems };
}

function fieldProblem(issue: unknown, where: string, rawKey: string, want: unknown): string | null {
  const contains = rawKey.endsWith('~');
  const key = contains ? rawKey.slice(0, -1) : rawKey;
  const got = getPath(issue, key);
  if (key.endsWith('.length')) {
    return got === want ? null : `${where}: got ${String(got)}, expected ${String(want)}`;
  }
  if (isDateKey(key)) {
    const a = typeof got === 'string' ? Date.parse(got) : Number.NaN;
    const b = Date.parse(String(want));
    return a === b ? null : `${where}: got ${String(got)}, expected ${String(want)}`;
  }
  if (typeof want === 'string') {
    const g = typeof got === 'string' ? collapseWs(got) : undefined;
    const w = collapseWs(want);
    const ok = g !== undefined && (contains ? g.includes(w) : g === w);
    return ok
      ? null
      : `${where}: got ${JSON.stringify(got)}, expected ${contains ? 'to contain ' : ''}${JSON.stringify(want)}`;
  }
  return JSON.stringify(got) === JSON.stringify(want)
    ? null
    : `${where}: got ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`;
}

export interface FixtureCase {
  name: string;
  html: string;
  expected: Expected;
}

/**
 * Every `NAME.html` with its `NAME.expected.json` in a directory. A page whose expectation is missing, unreadable
 * or not the expected shape throws, naming the file: a fixture must never drop out of the suite unnoticed.
 */
export function listFixtures(dir: string): FixtureCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -5);
      const expectedFile = path.join(dir, `${name}.expected.json`);
      return { name, html: path.join(dir, f), expected: readExpected(expectedFile) };
    });
}

function readExpected(file: string): Expected {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`fixture expectation ${file} cannot be read: ${(error as Error).message}`);
  }
  const e = parsed as Partial<Expected> | null;
  if (typeof e?.url !== 'string') throw new Error(`fixture expectation ${file}: "url" must be a string`);
  if (!Array.isArray(e.issues)) throw new Error(`fixture expectation ${file}: "issues" must be an array`);
  if (e.absent !== undefined && !Array.isArray(e.absent)) {
    throw new Error(`fixture expectation ${file}: "absent" must be an array of strings`);
  }
  return e as Expected;
}

/** Runs the extractor on a fixture file the way `linli extract FILE --url URL` does. */
export function runFixture(c: FixtureCase, now = new Date('2026-06-02T00:00:00Z')) {
  const doc = parseHtmlBytes(readFileSync(c.html), c.expected.url);
  const selection = c.expected.selection ? (doc.querySelector(c.expected.selection) ?? undefined) : undefined;
  return extractIssues(doc, { url: c.expected.url, now, selection });
}
