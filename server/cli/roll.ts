import { readFile } from 'node:fs/promises';
import { CliError, type Command, parseCommandArgs } from './command';
import { withService } from './data';

const usage = 'usage: linli roll import SLUG FILE.csv | linli roll codes SLUG [--json] [--reissue]';

export const rollCommand: Command = {
  name: 'roll',
  summary: 'import a voter roll (房号, 姓名, 面积, 人数) and print one-time voting codes',
  help: `
Usage:
  linli roll import SLUG FILE.csv [--db FILE]
  linli roll codes SLUG [--json] [--reissue] [--db FILE]

import   reads a CSV roll (UTF-8, with or without BOM) with the header 房号,姓名,面积,人数
         (or unit,name,area,count); areas in m² with at most two decimals. All or nothing: a bad line
         is reported with its number and nothing is imported. Refused once ballots have been cast.
codes    prints a new one-time code for every unit that has none yet. Codes are stored hashed and shown
         only now: print them (or use the staff code sheet) before closing the terminal.
         --reissue gives every unit that has not voted a new code; its old code stops working.

Options:
  --json       print [{"unit", "code"}] instead of a table
  --reissue    replace the codes of every unit that has not voted
  --db FILE    SQLite database (default LINLI_DB, else ./linli.db)
  -h, --help   show this help

Examples:
  linli roll import elevator-3 3号楼名册.csv
  linli roll codes elevator-3 --json > codes.json
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('roll', argv, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      reissue: { type: 'boolean' },
    });
    const [action, slug, ...rest] = positionals;
    if (action === 'import') {
      const [file, ...extra] = rest;
      if (!slug || !file) throw new CliError(`linli roll import: missing ${slug ? 'FILE.csv' : 'SLUG'} (${usage})`);
      if (extra.length) throw new CliError(`linli roll import: unexpected argument "${extra[0]}"`);
      if (values.json || values.reissue)
        throw new CliError('linli roll import: --json and --reissue apply to roll codes');
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        throw new CliError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      const result = await withService('roll import', values.db, { mustExist: true, context: file }, (s) =>
        s.importRoll(slug, text),
      );
      process.stdout.write(
        `${slug}: imported ${result.units} units, ${result.totalArea} m², ${result.totalCount} owners\n`,
      );
      return 0;
    }
    if (action === 'codes') {
      if (!slug) throw new CliError(`linli roll codes: missing SLUG (${usage})`);
      if (rest.length) throw new CliError(`linli roll codes: unexpected argument "${rest[0]}"`);
      const codes = await withService('roll codes', values.db, { mustExist: true }, (s) =>
        s.issueCodes(slug, { reissue: values.reissue ?? false }),
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
      const width = Math.max(4, ...codes.map((c) => c.unit.length));
      const lines = [`${'房号'.padEnd(width - 2)}  投票码`, ...codes.map((c) => `${c.unit.padEnd(width)}  ${c.code}`)];
      process.stdout.write(`${lines.join('\n')}\n`);
      process.stderr.write(`${codes.length} codes shown once: they are stored hashed and cannot be shown again.\n`);
      return 0;
    }
    throw new CliError(`linli roll: ${action ? `unknown action "${action}"` : 'missing action'} (${usage})`);
  },
};
