import { Issue } from '@linli/core';
import type { ExtractResult } from '@linli/core/capture';

/**
 * The engine builds each Issue in the model's shape by construction instead of parsing it (build-issue.ts): every
 * issue it gives must parse with the zod schema to exactly itself (same values, same keys, same key order). The
 * issues that do not, as readable lines (empty = none).
 */
export function schemaDrift(result: ExtractResult): string[] {
  const out: string[] = [];
  result.issues.forEach((issue, i) => {
    const parsed = Issue.safeParse(issue);
    if (!parsed.success) out.push(`issue ${i}: ${parsed.error.issues.map((e) => `${e.path.join('.')}: ${e.message}`)}`);
    else if (JSON.stringify(parsed.data) !== JSON.stringify(issue)) out.push(`issue ${i}: parsing changes it`);
  });
  return out;
}
