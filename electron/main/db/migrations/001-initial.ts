import type { Migration } from './migration';

/**
 * Profiles own plans (one per student, for a counselor's machine later); a default profile
 * exists from the start so a single user never sees the concept.
 *
 * A plan row stores the validated plan document as JSON (`body`, in plan-file format version
 * `body_version`), so the database, the plan file and the command line share one format. `name`
 * repeats `body.name` for listing and sorting; every write sets both in one statement.
 * `revision` is the optimistic-locking counter; `deleted_at` marks a plan in the bin (undo).
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
    CREATE TABLE profiles (
      id          INTEGER PRIMARY KEY,
      name        TEXT    NOT NULL CHECK (length(trim(name)) > 0),
      is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
      created_at  TEXT    NOT NULL
    ) STRICT;

    -- At most one default profile.
    CREATE UNIQUE INDEX profiles_single_default ON profiles (is_default) WHERE is_default = 1;

    CREATE TABLE plans (
      -- AUTOINCREMENT: an id is never reused after a purge, so a stale reference cannot
      -- silently point at a different plan.
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      profile_id    INTEGER NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
      name          TEXT    NOT NULL,
      body          TEXT    NOT NULL CHECK (json_valid(body)),
      body_version  INTEGER NOT NULL,
      revision      INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
      created_at    TEXT    NOT NULL,
      updated_at    TEXT    NOT NULL,
      deleted_at    TEXT
    ) STRICT;

    -- The plan list: live plans of one profile, newest first.
    CREATE INDEX plans_by_profile ON plans (profile_id, deleted_at, updated_at DESC);
    -- The purge on open: only rows in the bin.
    CREATE INDEX plans_in_bin ON plans (deleted_at) WHERE deleted_at IS NOT NULL;

    INSERT INTO profiles (name, is_default, created_at)
    VALUES ('My plans', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  `,
};
