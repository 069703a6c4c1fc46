import { CliError, type Command, parseCommandArgs } from './command';
import { withService } from './data';

export const tokenCommand: Command = {
  name: 'token',
  help: `
Usage: linli token create --name NAME [--department DEPT] [--db FILE]

Creates a Bearer token for the staff API and prints it once. Only its sha256 is stored: keep it safe, and
create a new one if it is lost.

Options:
  --name NAME         who uses the token (shown in logs), e.g. 和平里居委会 王老师
  --department DEPT   scope the token to a department added with linli department add
  --db FILE           SQLite database (default LINLI_DB, else ./linli.db); created if missing
  -h, --help          show this help

Example:
  linli token create --name "和平里居委会" --db ./linli.db
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('token', argv, {
      name: { type: 'string' },
      department: { type: 'string' },
      db: { type: 'string' },
    });
    const [action, ...extra] = positionals;
    if (action !== 'create') {
      throw new CliError(
        `linli token: ${action ? `unknown action "${action}"` : 'missing action'} (usage: linli token create --name NAME)`,
      );
    }
    if (extra.length) throw new CliError(`linli token: unexpected argument "${extra[0]}"`);
    if (!values.name?.trim()) throw new CliError('linli token create: --name is required (who will use the token)');
    const token = await withService('token create', values.db, {}, (service) =>
      service.createToken({
        name: values.name!,
        ...(values.department !== undefined ? { department: values.department } : {}),
      }),
    );
    process.stdout.write(`${token}\n`);
    return 0;
  },
};
