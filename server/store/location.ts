/** Where a store lives: a PostgreSQL URL (postgres:// or postgresql://, any case) or else a SQLite file path. */
export const isPostgresUrl = (location: string) => /^postgres(?:ql)?:\/\//i.test(location);
