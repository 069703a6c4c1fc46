import { main } from './main';

/**
 * Runs the CLI in this process (main() is what bin/linli.mjs calls), capturing what it writes. Spawning
 * `node bin/linli.mjs` costs 2–3 s per call (tsx compiles the sources); tests keep a real subprocess call or two
 * to prove the bin itself works.
 */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const capture = (append: (s: string) => void) =>
    ((chunk: string | Uint8Array) => {
      append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
  const out = process.stdout.write;
  const err = process.stderr.write;
  process.stdout.write = capture((s) => (stdout += s));
  process.stderr.write = capture((s) => (stderr += s));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}
