import { CliError, type Command, parseCommandArgs } from './command';
import { withService } from './data';

export const departmentCommand: Command = {
  name: 'department',
  help: `
Usage: linli department add NAME [--db FILE]

Adds a department (承办单位), e.g. 房管办, 绿化市容所, 城管中队. Staff tokens can be scoped to it.

Options:
  --db FILE    SQLite database (default LINLI_DB, else ./linli.db); created if missing
  -h, --help   show this help

Example:
  linli department add 绿化市容所
`,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('department', argv, { db: { type: 'string' } });
    const [action, name, ...extra] = positionals;
    if (action !== 'add') {
      throw new CliError(
        `linli department: ${action ? `unknown action "${action}"` : 'missing action'} (usage: linli department add NAME)`,
      );
    }
    if (!name?.trim()) throw new CliError('linli department add: missing NAME');
    if (extra.length)
      throw new CliError(`linli department add: unexpected argument "${extra[0]}" (quote a name with spaces)`);
    await withService('department add', values.db, {}, (service) => service.addDepartment(name));
    process.stdout.write(`added department ${name.trim()}\n`);
    return 0;
  },
};
