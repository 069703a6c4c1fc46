import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { IssuedCode } from '@linli/core';
import { configFromEnv, loadConfig, publicUrlOf } from '../config';
import { decodeRollBytes } from '../domain/roll-csv';
import { isDomainError } from '../domain/service';
import { CLI_OPERATOR } from '../domain/staff-log';
import { CliError, type Command, parseCommandArgs } from './command';
import { withService } from './data';

const usage =
  'usage: linli roll import SLUG FILE.csv | linli roll codes SLUG [--json | --html FILE] [--reissue] [--public-url URL]';

function codesTable(codes: readonly IssuedCode[]): string {
  const width = Math.max(4, ...codes.map((c) => c.unit.length));
  return [`${'房号'.padEnd(width - 2)}  投票码`, ...codes.map((c) => `${c.unit.padEnd(width)}  ${c.code}`)].join('\n');
}

/** Where the QR codes on a printed sheet lead: --public-url, else LINLI_PUBLIC_URL, else this machine's default. */
function sheetUrl(flag: string | undefined): { url: string; guessed: boolean } {
  try {
    const config = loadConfig(configFromEnv(), flag === undefined ? {} : { publicUrl: flag });
    return { url: publicUrlOf(config), guessed: config.publicUrl === undefined };
  } catch (error) {
    throw new CliError(
      `linli roll codes: ${(error as Error).message.replace(/^configuration publicUrl/, '--public-url')}`,
    );
  }
}

/**
 * Issues codes and writes the printable sheet. The file is checked before any code is issued, and should writing
 * it still fail the codes go to stdout: they are stored hashed, so losing them would mean reissuing them all.
 */
async function writeSheet(
  slug: string,
  file: string,
  options: { db: string | undefined; reissue: boolean; publicUrl: string | undefined },
) {
  const path = resolve(file);
  if (existsSync(path)) {
    throw new CliError(
      `${file}: already exists; choose a new file name (a sheet holds codes that are shown only once)`,
    );
  }
  if (!existsSync(dirname(path))) throw new CliError(`${file}: no such directory`);
  const { url, guessed } = sheetUrl(options.publicUrl);
  const { codes, html } = await withService('roll codes', options.db, { mustExist: true }, async (s) => {
    const codes = await s.issueCodes(slug, { reissue: options.reissue, by: CLI_OPERATOR });
    return { codes, html: codes.length ? await s.codeSheetHtml(slug, { publicUrl: url, codes }) : '' };
  });
  if (codes.length === 0) {
    process.stdout.write(
      `${slug}: every unit already has a code, no sheet written (use --reissue to replace the codes of units that have not voted)\n`,
    );
    return 0;
  }
  try {
    await writeFile(path, html, { flag: 'wx' });
  } catch (error) {
    process.stdout.write(`${codesTable(codes)}\n`);
    throw new CliError(
      `${file}: cannot write the sheet (${(error as NodeJS.ErrnoException).code ?? 'error'}); the ${codes.length} codes are printed above instead`,
      1,
    );
  }
  process.stdout.write(`${path}\n`);
  process.stderr.write(
    `${codes.length} codes on the sheet (A4, one card per unit): print it now, they are stored hashed and cannot be shown again.\n`,
  );
  if (guessed) {
    process.stderr.write(
      `note: the QR codes lead to ${url}; pass --public-url (or set LINLI_PUBLIC_URL) for the address residents reach.\n`,
    );
  }
  return 0;
}

export const rollCommand: Command = {
  name: 'roll',
  help: `
Usage:
  linli roll import SLUG FILE.csv [--db FILE]
  linli roll codes SLUG [--json | --html FILE] [--reissue] [--public-url URL] [--db FILE]

import   reads a CSV roll (UTF-8 with or without BOM, or GBK as Excel/WPS save it on Chinese Windows) with the header 房号,姓名,面积,人数
         (or unit,name,area,count); areas in m² with at most two decimals. All or nothing: a bad line
         is reported with its number and nothing is imported. Refused once ballots have been cast.
codes    prints a new one-time code for every unit that has none yet. Codes are stored hashed and shown
         only now: print them (or write the sheet with --html) before closing the terminal.
         --reissue gives every unit that has not voted a new code; its old code stops working.

Options:
  --json             print [{"unit", "code"}] instead of a table
  --html FILE        write the printable A4 sheet (zh-CN, one card per unit: 房号, code, QR code to the vote page)
                     to FILE (a new file) and print its path; open it in a browser and print
  --public-url URL   where the QR codes lead (default LINLI_PUBLIC_URL, else http://127.0.0.1:8787)
  --reissue          replace the codes of every unit that has not voted
  --db FILE          SQLite database (default LINLI_DB, else ./linli.db)
  -h, --help         show this help

Examples:
  linli roll import elevator-3 3号楼名册.csv
  linli roll codes elevator-3 --json > codes.json
  linli roll codes elevator-3 --html 3号楼投票卡.html --public-url https://linli.example.org
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('roll', argv, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      html: { type: 'string' },
      'public-url': { type: 'string' },
      reissue: { type: 'boolean' },
    });
    const [action, slug, ...rest] = positionals;
    if (action === 'import') {
      const [file, ...extra] = rest;
      if (!slug || !file) throw new CliError(`linli roll import: missing ${slug ? 'FILE.csv' : 'SLUG'} (${usage})`);
      if (extra.length) throw new CliError(`linli roll import: unexpected argument "${extra[0]}"`);
      if (values.json || values.reissue || values.html !== undefined || values['public-url'] !== undefined)
        throw new CliError('linli roll import: --json, --html, --public-url and --reissue apply to roll codes');
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new CliError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      let text: string;
      try {
        text = decodeRollBytes(bytes);
      } catch (error) {
        if (isDomainError(error)) throw new CliError(`${file}: ${error.message}`);
        throw error;
      }
      const result = await withService('roll import', values.db, { mustExist: true, context: file }, (s) =>
        s.importRoll(slug, text, CLI_OPERATOR),
      );
      process.stdout.write(
        `${slug}: imported ${result.units} units, ${result.totalArea} m², ${result.totalCount} owners\n`,
      );
      return 0;
    }
    if (action === 'codes') {
      if (!slug) throw new CliError(`linli roll codes: missing SLUG (${usage})`);
      if (rest.length) throw new CliError(`linli roll codes: unexpected argument "${rest[0]}"`);
      if (values.html !== undefined) {
        if (values.json) throw new CliError('linli roll codes: choose --json or --html, not both');
        if (!values.html) throw new CliError('linli roll codes: --html needs a FILE');
        return writeSheet(slug, values.html, {
          db: values.db,
          reissue: values.reissue ?? false,
          publicUrl: values['public-url'],
        });
      }
      if (values['public-url'] !== undefined) throw new CliError('linli roll codes: --public-url applies to --html');
      const codes = await withService('roll codes', values.db, { mustExist: true }, (s) =>
        s.issueCodes(slug, { reissue: values.reissue ?? false, by: CLI_OPERATOR }),
      );
      if (values.json) {
        process.stdout.write(`${JSON.stringify(codes.map(({ unit, code }) => ({ unit, code })))}\n`);
        return 0;
      }
      if (codes.length === 0) {
        process.stdout.write(
          `${slug}: every unit already has a code (use --reissue to replace the codes of units that have not voted)\n`,
        );
        return 0;
      }
      process.stdout.write(`${codesTable(codes)}\n`);
      process.stderr.write(`${codes.length} codes shown once: they are stored hashed and cannot be shown again.\n`);
      return 0;
    }
    throw new CliError(`linli roll: ${action ? `unknown action "${action}"` : 'missing action'} (${usage})`);
  },
};
