import { verifyRemote } from './audit-remote';
import { CliError, type Command, parseCommandArgs } from './command';
import { withService } from './data';

export const auditCommand: Command = {
  name: 'audit',
  help: `
Usage: linli audit verify SLUG [--db FILE] [--json]
       linli audit verify SLUG --from URL [--head HASH] [--json]

Recomputes every ballot hash and the hash chain from the stored ballots, recounts the tally from them and
compares it with the maintained tally. Any change to a stored ballot (choices, weight, hashes) is reported.

With --from, checks a running server's public ballot box instead, with no database: fetches the consultation,
the frozen electorate and every page of the box, recomputes the chain from its genesis, compares its head with
the head the server publishes and, with --head, with the head printed on the result notice (结果公示); in a
public box it also recounts the ballots and compares with the server's tally. A receipts box shows no choices:
its count is checked by the audit with the database.

Options:
  --db FILE     SQLite database (default LINLI_DB, else ./linli.db)
  --from URL    the server's public address, e.g. https://linli.example.org
  --head HASH   the chain head printed on the result notice
  --json        print the report as JSON {ok, chainOk, tallyOk, entries, problems}
  -h, --help    show this help

Exit codes: 0 chain and tally both hold; 1 a problem was found (one line each on stderr); 2 bad input.

Examples:
  linli audit verify elevator-3
  linli audit verify elevator-3 --from https://linli.example.org --head 3f1c…
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('audit', argv, {
      db: { type: 'string' },
      json: { type: 'boolean' },
      from: { type: 'string' },
      head: { type: 'string' },
    });
    const [action, slug, ...extra] = positionals;
    if (action !== 'verify') {
      throw new CliError(
        `linli audit: ${action ? `unknown action "${action}"` : 'missing action'} (usage: linli audit verify SLUG)`,
      );
    }
    if (!slug) throw new CliError('linli audit verify: missing SLUG');
    if (extra.length) throw new CliError(`linli audit verify: unexpected argument "${extra[0]}"`);
    if (values.head !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.head)) {
      throw new CliError('linli audit verify: --head must be the 64 hex digits printed on the notice');
    }
    if (values.from !== undefined) {
      if (!/^https?:\/\/[^\s]+$/.test(values.from)) {
        throw new CliError(`linli audit verify: --from must be an http(s) URL (got "${values.from}")`);
      }
      const remote = await verifyRemote(slug, values.from, values.head);
      if (values.json) process.stdout.write(`${JSON.stringify(remote, null, 2)}\n`);
      const tallyWord =
        remote.tallyOk === null
          ? 'not shown (receipts box: audit with the database)'
          : remote.tallyOk
            ? 'ok'
            : 'MISMATCH';
      if (remote.ok) {
        if (!values.json)
          process.stdout.write(
            `${slug} at ${values.from}: ${remote.entries} ballots; hash chain ok; head ${remote.head ?? '(empty)'} ok; tally ${tallyWord}\n`,
          );
        return 0;
      }
      const summary = `${slug} at ${values.from}: audit FAILED (${remote.entries} ballots; chain ${remote.chainOk ? 'ok' : 'BROKEN'}; head ${remote.headOk ? 'ok' : 'MISMATCH'}; tally ${tallyWord})`;
      process.stderr.write(`${[summary, ...remote.problems.map((p) => `  ${p}`)].join('\n')}\n`);
      return 1;
    }
    if (values.head !== undefined) throw new CliError('linli audit verify: --head goes with --from URL');
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
