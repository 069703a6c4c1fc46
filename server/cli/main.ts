import { CliError, type Command, withSafeOutput } from './command';

/**
 * Every command of `linli`, with its one-line summary. A command's module (its flags, help and code) is loaded
 * only when that command runs, so `linli --help` and a light command such as `linli tally` do not pay for the
 * server, the database or the capture engine.
 */
const commands: Array<{ name: string; summary: string; load: () => Promise<Command> }> = [
  {
    name: 'serve',
    summary: 'run the HTTP server (API, live events, docs)',
    load: async () => (await import('./serve')).serveCommand,
  },
  {
    name: 'extract',
    summary: 'extract issues from a saved portal page and print them as JSON',
    load: async () => (await import('./extract')).extractCommand,
  },
  {
    name: 'tally',
    summary: 'count a tally input file and print the result as JSON',
    load: async () => (await import('./tally')).tallyCommand,
  },
  {
    name: 'token',
    summary: 'create a staff API token (printed once, stored hashed)',
    load: async () => (await import('./token')).tokenCommand,
  },
  {
    name: 'department',
    summary: "add a department that can claim residents' reports",
    load: async () => (await import('./department')).departmentCommand,
  },
  {
    name: 'roll',
    summary: 'import a voter roll (房号, 姓名, 面积, 人数) and print one-time voting codes (table, JSON or A4 sheet)',
    load: async () => (await import('./roll')).rollCommand,
  },
  {
    name: 'migrate',
    summary: 'apply schema migrations, or move a SQLite install into PostgreSQL',
    load: async () => (await import('./migrate')).migrateCommand,
  },
  {
    name: 'backup',
    summary: 'copy a live SQLite database to a file (online backup; the server keeps running)',
    load: async () => (await import('./backup')).backupCommand,
  },
  {
    name: 'audit',
    summary: 'recompute the ballot hash chain and the tally of a consultation',
    load: async () => (await import('./audit')).auditCommand,
  },
];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'linli — 邻里 community governance',
    '',
    'Usage: linli <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `linli <command> --help` for the options of one command.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${overview()}\n`);
    return name ? 0 : 2;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`linli: unknown command "${name}" (run linli --help for the list)\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.help.trim()}\n`);
    return 0;
  }
  // Every byte a command prints passes here: user data (unit names, titles) must not drive the terminal.
  return withSafeOutput(() => runCommand(command, name, rest));
}

async function runCommand(command: Command, name: string, rest: string[]): Promise<number> {
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`linli ${name}: ${(error as Error).message ?? String(error)}\n`);
    return 1;
  }
}
