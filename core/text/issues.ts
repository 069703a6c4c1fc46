/**
 * Zod issues as people read them: `choices[0]: …`, `ballot.options[1].id: …`. One formatter for the HTTP errors,
 * the domain, the tally input, the server configuration and the CLI, so a field is named the same way everywhere.
 */
import type { z } from 'zod';

/** `['ballot', 'options', 1, 'id']` → `ballot.options[1].id`; an empty path is `root`. */
export function formatPath(path: readonly PropertyKey[], root = '(body)'): string {
  if (path.length === 0) return root;
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * Every issue of a zod failure, each naming its field. An unknown key is named itself ("phase: unknown field")
 * rather than reported against the object that holds it.
 */
export function zodIssues(error: z.ZodError, prefix: readonly PropertyKey[] = [], root = '(body)'): FieldIssue[] {
  return error.issues.map((issue) => {
    const single = issue.code === 'unrecognized_keys' && issue.keys.length === 1;
    const path = single ? [...prefix, ...issue.path, issue.keys[0]!] : [...prefix, ...issue.path];
    return { path: formatPath(path, root), message: single ? 'unknown field' : issue.message };
  });
}

/** The first issue as one line, `field: problem` — what a person reads first. */
export function firstIssueLine(error: z.ZodError, prefix: readonly PropertyKey[] = [], root = '(body)'): string {
  const first = zodIssues(error, prefix, root)[0];
  return first ? `${first.path}: ${first.message}` : `${root}: invalid`;
}
