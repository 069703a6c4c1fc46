import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A failure the user can fix: printed as one line on stderr, exit code 2, nothing written. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface Command {
  name: string;
  summary: string;
  /** Full `--help` text: usage line, options, an example. */
  help: string;
  run(argv: string[]): Promise<number>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with errors turned into CliError, so an unknown flag is a clear one-line message. */
export function parseCommandArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`linli ${command}: ${(error as Error).message} (see linli ${command} --help)`);
  }
}

/** The `--db` flag every data command takes: default LINLI_DB, else ./linli.db. */
export function databaseLocation(flag: string | undefined): string {
  return flag ?? process.env.LINLI_DB ?? './linli.db';
}
