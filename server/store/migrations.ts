/**
 * Versioned schema. Each migration is applied once, in order, inside its own transaction, and recorded in
 * `schema_migrations`; never edit a released migration — append a new one. Amounts that decide votes (areas)
 * are INTEGER hundredths of m² so no float ever enters the database.
 */
export interface Migration {
  version: number;
  name: string;
  /** Portable SQL, run as it is on SQLite and through `postgresSql` on PostgreSQL. */
  sql: string;
  /** PostgreSQL only, run after `sql`: what SQLite gives for free (e.g. rowid as insertion order). */
  postgres?: string;
  /** SQLite only, run after `sql`: where the dialects differ (JSON functions). */
  sqlite?: string;
}

/**
 * The PostgreSQL text of a migration: the same schema, with INTEGER widened to BIGINT (SQLite integers are 64-bit;
 * PostgreSQL's INTEGER is 32-bit and area totals in hundredths of m² may pass 2^31) and the PostgreSQL tail added.
 */
export const postgresSql = (m: Migration) => `${m.sql.replace(/\bINTEGER\b/g, 'BIGINT')}\n${m.postgres ?? ''}`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE consultations (
  id TEXT PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  phase TEXT NOT NULL,
  community TEXT NOT NULL DEFAULT '',
  doc TEXT NOT NULL,
  progress_manual INTEGER,
  auto_publish INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE milestones (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  due TEXT,
  done INTEGER NOT NULL DEFAULT 0,
  weight INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (consultation_id, id)
);

CREATE TABLE progress_updates (
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  id TEXT NOT NULL,
  at TEXT NOT NULL,
  text TEXT NOT NULL,
  by TEXT,
  phase TEXT,
  PRIMARY KEY (consultation_id, id)
);
CREATE INDEX progress_updates_at ON progress_updates (consultation_id, at);

CREATE TABLE proposals (
  id TEXT PRIMARY KEY,
  consultation_id TEXT NOT NULL REFERENCES consultations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  author_name TEXT NOT NULL,
  status TEXT NOT NULL,
  supports INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  merged_into TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX proposals_by_consultation ON proposals (consultation_id, status, created_at);

CREATE TABLE supports (
  proposal_id TEXT NOT NULL REFERENCES proposals(id) ON DELETE CASCADE,
  voter_hash TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, voter_hash)
);

CREATE TABLE ballots (
  consultation_id TEXT NOT NULL REFERENCES consultations(id),
  seq INTEGER NOT NULL,
  receipt_id TEXT NOT NULL UNIQUE,
  voter_hash TEXT NOT NULL,
  content TEXT NOT NULL,
  weight_area INTEGER,
  weight_count INTEGER NOT NULL,
  ballot_hash TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  chain_hash TEXT NOT NULL,
  at TEXT NOT NULL,
  PRIMARY KEY (consultation_id, seq),
  UNIQUE (consultation_id, voter_hash)
);

CREATE TABLE idempotency (
  consultation_id TEXT NOT NULL REFERENCES consultations(id),
  key TEXT NOT NULL,
  voter_hash TEXT NOT NULL,
  receipt_id TEXT NOT NULL,
  PRIMARY KEY (consultation_id, key)
);

CREATE TABLE tallies (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations(id),
  aggregate TEXT NOT NULL,
  ballots INTEGER NOT NULL,
  head_seq INTEGER NOT NULL,
  head_hash TEXT NOT NULL
);

CREATE TABLE roll_units (
  consultation_id TEXT NOT NULL REFERENCES consultations(id),
  unit TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  area_hundredths INTEGER NOT NULL,
  headcount INTEGER NOT NULL,
  code_hash TEXT,
  voted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (consultation_id, unit)
);
CREATE UNIQUE INDEX roll_units_code ON roll_units (consultation_id, code_hash) WHERE code_hash IS NOT NULL;

CREATE TABLE site_keys (
  site TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('secret', 'jwk')),
  material TEXT NOT NULL,
  kid TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX site_keys_site ON site_keys (site);

CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  department TEXT,
  created_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE departments (
  name TEXT PRIMARY KEY,
  created_at TEXT NOT NULL
);
`,
    // SQLite orders these by rowid (insertion order); PostgreSQL needs an explicit column for the same order.
    postgres: `
ALTER TABLE progress_updates ADD COLUMN ord BIGSERIAL;
ALTER TABLE site_keys ADD COLUMN ord BIGSERIAL;
ALTER TABLE departments ADD COLUMN ord BIGSERIAL;
`,
  },
  {
    version: 2,
    name: 'frozen electorates',
    // Written with the first ballot of a consultation (boxes begun earlier are frozen once, on open, with
    // bound_to_chain = 0). Areas stay integer hundredths like everywhere else.
    sql: `
CREATE TABLE electorates (
  consultation_id TEXT PRIMARY KEY REFERENCES consultations(id),
  digest TEXT NOT NULL,
  snapshot TEXT NOT NULL,
  units INTEGER NOT NULL,
  area_hundredths INTEGER NOT NULL,
  headcount INTEGER NOT NULL,
  bound_to_chain INTEGER NOT NULL,
  frozen_at TEXT NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'refused voting codes',
    // Refused codes per (address, consultation), in milliseconds since the epoch: kept in the database so a
    // lockout holds on every instance behind a load balancer (and across restarts), not per process.
    sql: `
CREATE TABLE code_failures (
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX code_failures_key ON code_failures (key, at);
CREATE INDEX code_failures_at ON code_failures (at);
`,
  },
  {
    // Numbered 4: version 3 is taken by the refused-code table of the PostgreSQL work.
    version: 4,
    name: 'staff action log',
    // Who did what to a consultation (phase changes, moderation, roll imports, codes issued). Append-only.
    sql: `
CREATE TABLE staff_actions (
  consultation_id TEXT REFERENCES consultations(id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  department TEXT,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE INDEX staff_actions_consultation ON staff_actions (consultation_id, at);
`,
    postgres: `
ALTER TABLE staff_actions ADD COLUMN ord BIGSERIAL;
`,
  },
  {
    version: 5,
    name: 'ballot box modes',
    // Each ballot records how its hash is formed (1: with receipt id and time, as before; 2: public box; 3: receipts
    // box, committing with the voter's secret). Every existing ballot stays format 1. Consultations choose what their
    // box shows: those that already hold ballots keep showing choices (they were published already, and their hashes
    // carry no secret), the others take the default (open polls public, code and signed votes receipts).
    sql: `
ALTER TABLE ballots ADD COLUMN hash_format INTEGER NOT NULL DEFAULT 1;
`,
    sqlite: `
UPDATE consultations SET doc = json_set(doc, '$.ballot.ballotBox',
  CASE
    WHEN EXISTS (SELECT 1 FROM ballots b WHERE b.consultation_id = consultations.id) THEN 'public'
    WHEN json_extract(doc, '$.ballot.eligibility') = 'open' THEN 'public'
    ELSE 'receipts'
  END)
WHERE json_extract(doc, '$.ballot') IS NOT NULL AND json_extract(doc, '$.ballot.ballotBox') IS NULL;
`,
    postgres: `
UPDATE consultations SET doc = jsonb_set(doc::jsonb, '{ballot,ballotBox}', to_jsonb(
  CASE
    WHEN EXISTS (SELECT 1 FROM ballots b WHERE b.consultation_id = consultations.id) THEN 'public'
    WHEN doc::jsonb #>> '{ballot,eligibility}' = 'open' THEN 'public'
    ELSE 'receipts'
  END))::text
WHERE jsonb_typeof(doc::jsonb -> 'ballot') = 'object' AND doc::jsonb #> '{ballot,ballotBox}' IS NULL;
`,
  },
  {
    // Numbered 6: 5 is taken by the ballot-box secrecy work.
    version: 6,
    name: 'published issues',
    // Issues staff publish from the side panel (POST /api/v1/issues). `client_id` is the id the extension gave the
    // issue, so publishing it again updates the same row; `publish_keys` answers a retried request (same
    // Idempotency-Key) with what the first one stored.
    sql: `
CREATE TABLE published_issues (
  id TEXT PRIMARY KEY,
  client_id TEXT NOT NULL UNIQUE,
  doc TEXT NOT NULL,
  published_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX published_issues_created ON published_issues (created_at, id);
CREATE TABLE issue_publish_keys (
  key TEXT PRIMARY KEY,
  ids TEXT NOT NULL,
  at TEXT NOT NULL
);
`,
  },
  {
    version: 7,
    name: 'secret ballots show results after the close',
    // A `receipts` box is a secret ballot: live results would let a watcher read a voter's choice from the tally's
    // change at the moment they voted (core's defaultResultsVisibility says why no batching helps). New definitions
    // with that combination are refused; stored ones, made before the rule, are moved to after_close.
    sql: '',
    sqlite: `
UPDATE consultations SET doc = json_set(doc, '$.ballot.resultsVisibility', 'after_close')
WHERE json_extract(doc, '$.ballot.ballotBox') = 'receipts'
  AND coalesce(json_extract(doc, '$.ballot.resultsVisibility'), 'live') <> 'after_close';
`,
    postgres: `
UPDATE consultations SET doc = jsonb_set(doc::jsonb, '{ballot,resultsVisibility}', '"after_close"')::text
WHERE doc::jsonb #>> '{ballot,ballotBox}' = 'receipts'
  AND coalesce(doc::jsonb #>> '{ballot,resultsVisibility}', 'live') <> 'after_close';
`,
  },
  {
    version: 8,
    name: 'idempotency keys on their ballots',
    // An Idempotency-Key is scoped to the credential that sent it, and a credential names one voter with one ballot:
    // the key is kept on that ballot's row and found through the voter's unique index. The separate table's primary
    // key on (consultation, random key) cost every ballot an insert at a random place in an index (one more page per
    // ballot to write to the WAL and checkpoint). Keys stored so far move onto their ballots, so a retry sent across
    // the upgrade still gets its receipt. The index on receipt ids keeps the copy linear on a large box.
    sql: `
ALTER TABLE ballots ADD COLUMN idempotency_key TEXT;
CREATE INDEX idempotency_receipt ON idempotency (receipt_id);
UPDATE ballots SET idempotency_key = (
  SELECT MAX(i.key) FROM idempotency i
  WHERE i.receipt_id = ballots.receipt_id AND i.consultation_id = ballots.consultation_id AND i.voter_hash = ballots.voter_hash
) WHERE receipt_id IN (SELECT receipt_id FROM idempotency);
DROP TABLE idempotency;
`,
  },
];
