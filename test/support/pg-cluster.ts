/**
 * A throwaway PostgreSQL server for tests and benchmarks: `initdb` and `pg_ctl` in a temp directory, listening
 * on a free loopback port (and a socket in that directory). As root the server runs as the `postgres` system user
 * (PostgreSQL refuses to run as root). Debian's `postgresql` is apt-installed when missing (as root). Anything that
 * stops it from starting throws: a PostgreSQL run fails, never skips.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
// @ts-expect-error: a plain .mjs script without type declarations
import { ensure, postgresBin } from '../../scripts/ensure-system.mjs';

export interface Cluster {
  /** Base URL without a database name, e.g. postgres://linli@127.0.0.1:5433 */
  base: string;
  port: number;
  dir: string;
  /** A new empty database; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

const USER = 'linli';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function postgresUid(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const passwd = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((line) => line.startsWith('postgres:'));
  if (!passwd) throw new Error('running as root but there is no `postgres` user to run PostgreSQL as');
  const [, , uid, gid] = passwd.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Runs a PostgreSQL program, as the postgres user when we are root. */
function runPg(bin: string, program: string, args: string[], asUser: boolean): string {
  const file = join(bin, program);
  const [command, argv] = asUser ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  const result = spawnSync(command, argv, { encoding: 'utf8', cwd: tmpdir() });
  if (result.status !== 0) {
    throw new Error(`${program} failed (exit ${result.status}): ${(result.stderr || result.stdout || '').trim()}`);
  }
  return result.stdout;
}

export interface ClusterOptions {
  /**
   * fsync on disk. Benchmarks keep it on (durable commits are what they measure); the test suite may turn it off,
   * since no test crashes the PostgreSQL server itself, only Linli processes.
   */
  fsync?: boolean;
  maxConnections?: number;
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  if (!ensure(['postgresql'])) throw new Error('PostgreSQL is not installed and could not be installed');
  const bin = postgresBin() as string | null;
  if (!bin) throw new Error('no PostgreSQL binaries under /usr/lib/postgresql');
  const owner = postgresUid();
  const dir = mkdtempSync(join(tmpdir(), 'linli-pg-'));
  const data = join(dir, 'data');
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  runPg(bin, 'initdb', ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '-N'], !!owner);
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    const settings = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-c unix_socket_directories='${dir}'`,
      `-c fsync=${options.fsync === false ? 'off' : 'on'}`,
      `-c max_connections=${options.maxConnections ?? 200}`,
      '-c shared_buffers=64MB',
    ].join(' ');
    try {
      runPg(
        bin,
        'pg_ctl',
        ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start'],
        !!owner,
      );
    } catch (error) {
      lastError = error;
      continue;
    }
    const base = `postgres://${USER}@127.0.0.1:${port}`;
    const stop = () => {
      try {
        runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'], !!owner);
      } catch {
        // Already gone.
      }
      rmSync(dir, { recursive: true, force: true });
    };
    return {
      base,
      port,
      dir,
      stop,
      createDatabase: (name: string) => createDatabase(base, name),
    };
  }
  const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8').slice(-2000) : '';
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`PostgreSQL did not start: ${(lastError as Error)?.message}\n${log}`);
}

/** Creates database `name` (an identifier: letters, digits, _) in the cluster at `base`; returns its URL. */
export async function createDatabase(base: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`not a plain database name: ${name}`);
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
}

/** A database name unique within a cluster, safe as an identifier. */
export const databaseName = (hint: string) =>
  `t_${hint
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 40)}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
