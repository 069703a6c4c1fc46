import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { firstIssueLine } from '@linli/core';
import {
  type CaptureNote,
  captureNote,
  extractIssues,
  parseRecipe,
  type Recipe,
  savedPageUrl,
} from '@linli/core/capture';
import { decodePage } from '@linli/core/capture/decode';
import { parseHtml } from '@linli/core/capture/node';
import { ZodError } from 'zod';
import { CliError, type Command, parseCommandArgs } from './command';

export const extractCommand: Command = {
  name: 'extract',
  help: `
Usage: linli extract FILE [--url URL] [--recipes DIR]

Reads a saved page (any charset: UTF-8, GBK/GB18030, Big5 …) and prints {"issues": [Issue…]}: one issue for a
detail page, one per case for a list page. Phone numbers are masked and ID-card / bank-card numbers removed.
When the page's bytes contradict its declared charset (UTF-8 declared as GBK), the bytes win. When no case can
be read, or the page was saved without the rows its script loads, "notes" says why (each note has "code",
"messageZh" and "message"), and each note is also printed on stderr.

Options:
  --url URL       the page's address (default: the "saved from url" comment, canonical link or og:url)
  --recipes DIR   portal recipes (*.json, one recipe or an array each); a recipe matching the URL wins for its fields
  -h, --help      show this help

Exit codes: 0 printed; 2 the file cannot be read or a recipe is invalid (one line on stderr names file and field).

Example:
  linli extract gdxq.html --url "https://12345.example.gov.cn/order/view?id=88231" --recipes ./recipes
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('extract', argv, {
      url: { type: 'string' },
      recipes: { type: 'string' },
    });
    const [file, ...extra] = positionals;
    if (!file)
      throw new CliError('linli extract: missing FILE (usage: linli extract FILE [--url URL] [--recipes DIR])');
    if (extra.length) throw new CliError(`linli extract: unexpected argument "${extra[0]}"`);
    if (values.url !== undefined && !isHttpUrl(values.url)) {
      throw new CliError(`linli extract: --url must be an http(s) URL (got "${values.url}")`);
    }
    const recipes = values.recipes ? await loadRecipes(values.recipes) : [];
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new CliError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    const page = decodePage(bytes);
    const html = page.text;
    const url = values.url ?? savedPageUrl(html);
    const doc = parseHtml(html, url);
    const result = extractIssues(doc, { url, recipes });
    const notes: CaptureNote[] = [...result.notes];
    if (page.overruled && page.declared) {
      notes.unshift(captureNote('charset-overruled', { declared: page.declared, charset: page.charset }));
    }
    // Notes say why a page gave no case (or what was skipped): in the JSON for programs, on stderr for people.
    process.stdout.write(
      `${JSON.stringify(notes.length ? { issues: result.issues, notes } : { issues: result.issues }, null, 2)}\n`,
    );
    for (const n of notes) process.stderr.write(`${file}: ${n.messageZh} (${n.message})\n`);
    return 0;
  },
};

function isHttpUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
}

/** Every *.json in DIR, each one recipe or an array of them; the first invalid one stops the command. */
async function loadRecipes(dir: string): Promise<Recipe[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch (error) {
    throw new CliError(
      `${dir}: cannot read the recipes directory (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const recipes: Recipe[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      throw new CliError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    const list = Array.isArray(json) ? json : [json];
    list.forEach((item, i) => {
      try {
        recipes.push(parseRecipe(item));
      } catch (error) {
        if (!(error instanceof ZodError)) throw error;
        throw new CliError(`${file}: ${firstIssueLine(error, Array.isArray(json) ? [i] : [], '(recipe)')}`);
      }
    });
  }
  return recipes;
}
