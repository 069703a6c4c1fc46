/** Helpers for tests: a real SQLite file in a fresh temp directory, and a small code-eligibility consultation. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsultationCreateInput } from '@linli/core';
import { type Linli, openLinliService, type ServiceOptions } from './linli';

export interface TempDb {
  dir: string;
  file: string;
  open(options?: ServiceOptions): Promise<Linli>;
  cleanup(): void;
}

export function tempDb(): TempDb {
  const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
  const file = join(dir, 'linli.db');
  return {
    dir,
    file,
    open: (options) => openLinliService(file, options),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const ROLL_CSV =
  '\uFEFF房号,姓名,面积,人数\n101,王*,86.20,1\n102,李*,72.45,1\n201,张*,"58.30",2\n202,刘*,121.75,1\n';

export function yesnoConsultation(
  slug: string,
  ballot: Partial<NonNullable<ConsultationCreateInput['ballot']>> = {},
): ConsultationCreateInput {
  return {
    slug,
    title: `测试 ${slug}`,
    community: 'test',
    phase: 'voting',
    ballot: { method: 'yesno', eligibility: 'code', rule: 'civil-code-major', ...ballot } as NonNullable<
      ConsultationCreateInput['ballot']
    >,
  };
}

/** A voting consultation with the 4-unit ROLL_CSV imported and codes issued. */
export async function codeConsultation(
  service: Linli,
  slug = 'vote-a',
  ballot: Partial<NonNullable<ConsultationCreateInput['ballot']>> = {},
) {
  await service.createConsultation(yesnoConsultation(slug, ballot));
  await service.importRoll(slug, ROLL_CSV);
  return service.issueCodes(slug);
}
