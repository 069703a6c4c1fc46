import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CLIENT = fileURLToPath(new URL('./load-client.mjs', import.meta.url));

export interface LoadResult {
  seconds: number;
  perSecond: number;
  statuses: Record<string, number>;
  /** The client process's CPU time, ms. */
  cpuMs: number;
}

/**
 * POSTs every body once to `url` from a separate Node process over `clients` keep-alive connections (see
 * load-client.mjs). With `expect`, any other status stops the run with the server's answer.
 */
export function postLoad(
  url: string,
  bodies: string[],
  options: { clients: number; expect?: number; headers?: Record<string, string> },
): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLIENT], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load client exited ${code}`));
      const { seconds, statuses, cpuMs } = JSON.parse(out) as Omit<LoadResult, 'perSecond'>;
      resolve({ seconds, statuses, cpuMs, perSecond: bodies.length / seconds });
    });
    child.stdin.end(JSON.stringify({ url, bodies, ...options }));
  });
}
