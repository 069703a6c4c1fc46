import { readFile } from 'node:fs/promises';
import { TallyInputError } from '@linli/core/tally/read';
import type { Lang } from '@linli/core/tally/reasons';
import { tallyWithoutSchemas } from '@linli/core/tally/result';
import { CliError, type Command, parseCommandArgs } from './command';

export const tallyCommand: Command = {
  name: 'tally',
  help: `
Usage: linli tally FILE [--lang zh-CN|en]

Counts the ballots in FILE (JSON: method, options, rule, electorate, ballots — see README "Tally input")
with exact arithmetic and prints {"passed", "winner", "totals", "participation", "reasons"}.

Options:
  --lang zh-CN|en   write the reasons in one language (default: both, zh-CN first)
  -h, --help        show this help

Exit codes: 0 counted; 2 the file cannot be read or is not a valid tally input (one line on stderr names the field).

Example:
  linli tally elevator-3.json --lang en
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('tally', argv, { lang: { type: 'string' } });
    const [file, ...extra] = positionals;
    if (!file) throw new CliError('linli tally: missing FILE (usage: linli tally FILE)');
    if (extra.length) throw new CliError(`linli tally: unexpected argument "${extra[0]}"`);
    const lang = values.lang ?? 'both';
    if (lang !== 'both' && lang !== 'zh-CN' && lang !== 'en') {
      throw new CliError(`linli tally: --lang must be zh-CN or en (got "${lang}")`);
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliError(`${file}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new CliError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    try {
      // The schemas (and zod with them) are loaded only for a file the plain checks cannot vouch for.
      const result =
        tallyWithoutSchemas(json, lang as Lang | 'both') ??
        (await import('@linli/core/tally')).tally(json, lang as Lang | 'both');
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (error instanceof TallyInputError) throw new CliError(`${file}: ${error.field}: ${error.problem}`);
      throw error;
    }
  },
};
