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

/**
 * Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides written as `\u001b`-style
 * escapes: a unit name or title from an imported roll can carry escape sequences that would repaint, retitle or
 * hide lines of the staff member's terminal. Inside JSON strings the escape is the same character again, so
 * `--json` output still parses to exactly the stored data.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export const terminalSafe = (text: string) =>
  text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Runs `body` with everything written to stdout and stderr passed through terminalSafe. */
export async function withSafeOutput<T>(body: () => Promise<T>): Promise<T> {
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write);
  streams.forEach((stream, i) => {
    const write = originals[i]!;
    stream.write = ((chunk: unknown, ...rest: unknown[]) =>
      (write as (...args: unknown[]) => boolean).call(
        stream,
        typeof chunk === 'string' ? terminalSafe(chunk) : chunk,
        ...rest,
      )) as typeof stream.write;
  });
  try {
    return await body();
  } finally {
    streams.forEach((stream, i) => {
      stream.write = originals[i]!;
    });
  }
}
