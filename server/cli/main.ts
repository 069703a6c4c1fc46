import { CliError, type Command, withSafeOutput } from './command';
import { dataCommands } from './data-commands';
import { extractCommand } from './extract';
import { serveCommand } from './serve';
import { tallyCommand } from './tally';

/** Every command of `linli`; each module owns its flags and help. */
const commands: Command[] = [serveCommand, extractCommand, tallyCommand, ...dataCommands];

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
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`linli: unknown command "${name}" (run linli --help for the list)\n`);
    return 2;
  }
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
