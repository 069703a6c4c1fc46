/**
 * vitest globalSetup of the `postgres` project: one PostgreSQL cluster for the whole run (each test file then
 * creates its own database in it, see test/server/harness.ts). Throws when the server cannot start, so the run
 * fails instead of skipping the PostgreSQL half of the suite.
 */
import type { TestProject } from 'vitest/node';
import { startCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgBase: string;
  }
}

export default async function setup(project: TestProject) {
  const cluster = await startCluster({ fsync: false });
  project.provide('pgBase', cluster.base);
  return () => cluster.stop();
}
