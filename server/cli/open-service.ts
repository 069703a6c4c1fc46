import type { IssuedCode } from '@linli/core';
import { seedDemo } from '../demo/seed';
import { type Linli, openLinliService } from '../domain/linli';
import { shownLocation } from '../store/location';
import { CliError } from './command';

export interface DemoSeedReport {
  seeded: boolean;
  /** Staff token, printed once (only when seeded now). */
  token?: string;
  /** Sample voter codes for elevator-3 (only when seeded now). */
  codes: IssuedCode[];
}

/**
 * Opens the database at `location` (SQLite file; migrations applied) as a service. With `demo`, seeds the demo
 * district into an empty database. An unopenable file becomes a CliError naming it.
 */
export async function openService(
  location: string,
  options: { demo?: boolean } = {},
): Promise<{ service: Linli; demo?: DemoSeedReport }> {
  let service: Linli;
  try {
    service = await openLinliService(location);
  } catch (error) {
    throw new CliError(`${shownLocation(location)}: cannot open the database (${(error as Error).message})`);
  }
  if (!options.demo) return { service };
  try {
    const result = await seedDemo(service);
    return {
      service,
      demo: result.seeded
        ? { seeded: true, token: result.staffToken, codes: result.sampleCodes }
        : { seeded: false, codes: [] },
    };
  } catch (error) {
    await service.close();
    throw error;
  }
}
