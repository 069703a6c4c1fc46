/**
 * The readable-content fallback, three ways, on pages with a known title and lead paragraph: Linli's own
 * (`core/capture/readable.ts` and `page-title.ts`, through `extractIssues` as staff run it), `@mozilla/readability`
 * (Firefox Reader View) and `defuddle` (Obsidian Web Clipper). Prints a table per page set; `--json` prints the rows.
 *
 *   npx tsx test/capture/readable-compare.ts [--json] [--problems]
 *
 * Page sets: Readability's own test pages (test/fixtures/readability/NAME/{source.html, expected-metadata.json}) and
 * the real-page corpus (test/fixtures/real/NAME.{html, expected.json}, first issue's title and `description~`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import Defuddle from 'defuddle';
import { extractIssues } from '../../core/capture/index';
import { parseHtml, parseHtmlBytes } from '../../core/capture/node';
import { listScorablePages } from './real-corpus';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface ReadablePage {
  set: 'readability' | 'real';
  name: string;
  bytes: Uint8Array;
  url?: string;
  title: string;
  /** The lead paragraph, or undefined when the expected one is not on the page (a meta description). */
  lead?: string;
}

export interface Reading {
  title?: string;
  lead?: string;
}

/** Whitespace collapsed, compatibility forms folded (full-width, ideographic space), edges trimmed. */
export function norm(text: string | undefined): string {
  return (text ?? '').normalize('NFKC').replace(/\s+/g, ' ').trim();
}

export function titleRight(got: string | undefined, want: string): boolean {
  return norm(got).replace(/[\s.。!！]+$/, '') === norm(want).replace(/[\s.。!！]+$/, '');
}

/** The lead is right when its opening (30 characters) starts the text the reader would read first. */
export function leadRight(got: string | undefined, want: string): boolean {
  const head = norm(want).slice(0, 30);
  return head.length > 0 && norm(got).slice(0, 400).includes(head);
}

/** The first block of an article's HTML with some prose in it (20+ characters), as a reader sees it first. */
export function firstParagraph(html: string | null | undefined): string | undefined {
  if (!html) return undefined;
  const doc = parseHtml(`<!DOCTYPE html><html><body>${html}</body></html>`);
  for (const el of Array.from(doc.body.querySelectorAll('p, div, li, td, blockquote, pre, dd, section, article'))) {
    if (el.querySelector('p, div, li, td, blockquote, pre, dd, section, article')) continue;
    const t = norm(el.textContent ?? '');
    if (t.length >= 20) return t;
  }
  return norm(doc.body.textContent ?? '') || undefined;
}

export const READERS: Record<'linli' | 'readability' | 'defuddle', (page: ReadablePage) => Reading> = {
  linli: (page) => {
    const issue = extractIssues(parseHtmlBytes(page.bytes, page.url), { url: page.url }).issues[0];
    const lead = issue?.description.split('\n').find((l) => norm(l).length >= 20) ?? issue?.description;
    return { title: issue?.title, lead };
  },
  readability: (page) => {
    const article = new Readability(parseHtmlBytes(page.bytes, page.url)).parse();
    return { title: article?.title ?? undefined, lead: firstParagraph(article?.content) };
  },
  defuddle: (page) => {
    const result = new Defuddle(parseHtmlBytes(page.bytes, page.url), { url: page.url }).parse();
    return { title: result.title, lead: firstParagraph(result.content) };
  },
};

export function loadPages(): ReadablePage[] {
  const pages: ReadablePage[] = [];
  const rdir = path.join(root, 'test/fixtures/readability');
  if (existsSync(rdir)) {
    for (const name of readdirSync(rdir).sort()) {
      const src = path.join(rdir, name, 'source.html');
      if (!existsSync(src)) continue;
      const meta = JSON.parse(readFileSync(path.join(rdir, name, 'expected-metadata.json'), 'utf8'));
      const bytes = readFileSync(src);
      const body = norm(parseHtmlBytes(bytes).body?.textContent ?? '');
      const excerpt = norm(meta.excerpt);
      pages.push({
        set: 'readability',
        name,
        bytes,
        url: `http://fakehost/test/page.html`,
        title: meta.title,
        lead: excerpt && body.includes(excerpt.slice(0, 30)) ? excerpt : undefined,
      });
    }
  }
  const cdir = path.join(root, 'test/fixtures/real');
  if (existsSync(cdir)) {
    const scorable = new Set(listScorablePages().map((p) => p.name));
    for (const file of readdirSync(cdir)
      .filter((f) => f.endsWith('.expected.json'))
      .sort()) {
      const name = file.replace(/\.expected\.json$/, '');
      if (!scorable.has(name)) continue;
      const expected = JSON.parse(readFileSync(path.join(cdir, file), 'utf8'));
      const first = expected.issues?.[0];
      if (!first?.title) continue;
      const lead = first['description~'] ?? first.description;
      pages.push({
        set: 'real',
        name,
        bytes: readFileSync(path.join(cdir, `${name}.html`)),
        url: expected.url,
        title: first.title,
        lead: typeof lead === 'string' ? lead : undefined,
      });
    }
  }
  return pages;
}

export interface ScoreRow {
  set: string;
  name: string;
  reader: string;
  title: boolean;
  lead: boolean | null;
  got: Reading;
  error?: string;
}

export function scoreAll(pages: ReadablePage[]): ScoreRow[] {
  const rows: ScoreRow[] = [];
  for (const page of pages) {
    for (const [reader, read] of Object.entries(READERS)) {
      let got: Reading = {};
      let error: string | undefined;
      try {
        got = read(page);
      } catch (e) {
        error = (e as Error).message.split('\n')[0];
      }
      rows.push({
        set: page.set,
        name: page.name,
        reader,
        title: titleRight(got.title, page.title),
        lead: page.lead === undefined ? null : leadRight(got.lead, page.lead),
        got,
        ...(error ? { error } : {}),
      });
    }
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const pages = loadPages();
  const rows = scoreAll(pages);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows.map(({ got: _got, ...r }) => r)));
  } else {
    for (const set of ['readability', 'real']) {
      const inSet = rows.filter((r) => r.set === set);
      if (!inSet.length) continue;
      console.log(`\n${set}: ${pages.filter((p) => p.set === set).length} pages`);
      for (const reader of Object.keys(READERS)) {
        const r = inSet.filter((x) => x.reader === reader);
        const titles = r.filter((x) => x.title).length;
        const leads = r.filter((x) => x.lead !== null);
        const leadsOk = leads.filter((x) => x.lead).length;
        console.log(
          `  ${reader.padEnd(12)} titles ${titles}/${r.length}  leads ${leadsOk}/${leads.length}  both ${titles + leadsOk}/${r.length + leads.length}`,
        );
      }
    }
    if (process.argv.includes('--problems')) {
      for (const r of rows.filter((x) => !x.title || x.lead === false || x.error)) {
        const page = pages.find((p) => p.name === r.name)!;
        console.log(`\n${r.set}/${r.name} [${r.reader}]${r.error ? ` ERROR ${r.error}` : ''}`);
        if (!r.title) console.log(`  title: got ${JSON.stringify(r.got.title)} want ${JSON.stringify(page.title)}`);
        if (r.lead === false)
          console.log(
            `  lead: got ${JSON.stringify(norm(r.got.lead).slice(0, 80))} want ${JSON.stringify(norm(page.lead).slice(0, 80))}`,
          );
      }
    }
  }
}
