import { CliError, type Command, parseCommandArgs } from './command';
import { withService } from './data';

export const auditCommand: Command = {
  name: 'audit',
  help: `
Usage: linli audit verify SLUG [--db FILE] [--json]

Recomputes every ballot hash and the hash chain from the stored ballots, recounts the tally from them and
compares it with the maintained tally. Any change to a stored ballot (choices, weight, hashes) is reported.

Options:
  --db FILE    SQLite database (default LINLI_DB, else ./linli.db)
  --json       print the report as JSON {ok, chainOk, tallyOk, entries, problems}
  -h, --help   show this help

Exit codes: 0 chain and tally both hold; 1 a problem was found (one line each on stderr); 2 bad input.

Example:
  linli audit verify elevator-3
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('audit', argv, {
      db: { type: 'string' },
      json: { type: 'boolean' },
    });
    const [action, slug, ...extra] = positionals;
    if (action !== 'verify') {
      throw new CliError(
        `linli audit: ${action ? `unknown action "${action}"` : 'missing action'} (usage: linli audit verify SLUG)`,
      );
    }
    if (!slug) throw new CliError('linli audit verify: missing SLUG');
    if (extra.length) throw new CliError(`linli audit verify: unexpected argument "${extra[0]}"`);
    const report = await withService('audit verify', values.db, { mustExist: true }, (service) =>
      service.auditVerify(slug),
    );
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    if (report.ok) {
      if (!values.json) process.stdout.write(`${slug}: ${report.entries} ballots; hash chain ok; tally ok\n`);
      return 0;
    }
    const summary = `${slug}: audit FAILED (${report.entries} ballots; chain ${report.chainOk ? 'ok' : 'BROKEN'}; tally ${report.tallyOk ? 'ok' : 'MISMATCH'})`;
    process.stderr.write(`${[summary, ...report.problems.map((p) => `  ${p}`)].join('\n')}\n`);
    return 1;
  },
};
