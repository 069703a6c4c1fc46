/** `linli` as a child process, the way an operator runs it: for tests that need real separate instances. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LINLI_BIN = join(ROOT, 'bin/linli.mjs');

export interface Instance {
  child: ChildProcess;
  url: string;
  out: () => string;
}

/** Starts `linli serve`, resolving with its URL once the banner says it listens. */
export function serve(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Instance> {
  const child = spawn(process.execPath, [LINLI_BIN, 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, LINLI_LOG_LEVEL: 'warn', ...env },
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url, out: () => out });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code, signal) => reject(new Error(`linli serve exited (${code ?? signal}): ${out}`)));
  });
}

/** SIGTERM and wait for the exit code. */
export function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** Runs a `linli` command to completion. */
export function linli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [LINLI_BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
