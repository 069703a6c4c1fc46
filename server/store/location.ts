/** Where a store lives: a PostgreSQL URL (postgres:// or postgresql://, any case) or else a SQLite file path. */
export const isPostgresUrl = (location: string) => /^postgres(?:ql)?:\/\//i.test(location);

/** A location fit to print: a PostgreSQL URL with its password hidden, a file path as it is. */
export function shownLocation(location: string): string {
  if (!isPostgresUrl(location)) return location;
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
