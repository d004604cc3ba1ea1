-- Speaker identity (issue 11): the kind 'group' (plural people: "residents", "analysts"), which belongs to its
-- article like 'unnamed'; how each quote's speaker was found; and the slugs a speaker had before it took a full name.
-- The runner applies migrations with foreign keys off and checks them before committing (src/store/migrate.ts), so
-- the table rebuild below neither cascades the old table's deletion to aliases, titles and quotes nor leaves a
-- dangling reference.

-- SQLite cannot change a CHECK constraint: the speakers table is rebuilt the documented way (create the new table,
-- copy, drop the old, rename, recreate its indexes), keeping every id, so the rows that point at speakers still do.
CREATE TABLE speakers_005 (
  id              INTEGER PRIMARY KEY,
  -- NULL for speakers that belong to one article (unnamed, group, organisations named by role only).
  slug            TEXT UNIQUE,
  name            TEXT,
  kind            TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'group', 'unnamed')),
  title           TEXT,
  name_key        TEXT,
  first_key       TEXT,
  surname_key     TEXT,
  home_source_id  INTEGER REFERENCES sources (id) ON DELETE CASCADE,
  merged_into     INTEGER REFERENCES speakers (id),
  quote_count     INTEGER NOT NULL DEFAULT 0,
  source_count    INTEGER NOT NULL DEFAULT 0,
  first_quoted_at TEXT,
  last_quoted_at  TEXT
);
INSERT INTO speakers_005 (id, slug, name, kind, title, name_key, first_key, surname_key, home_source_id, merged_into,
    quote_count, source_count, first_quoted_at, last_quoted_at)
  SELECT id, slug, name, kind, title, name_key, first_key, surname_key, home_source_id, merged_into,
    quote_count, source_count, first_quoted_at, last_quoted_at FROM speakers;
DROP TABLE speakers;
ALTER TABLE speakers_005 RENAME TO speakers;

CREATE INDEX speakers_surname ON speakers (surname_key) WHERE kind = 'person' AND home_source_id IS NULL;
CREATE INDEX speakers_org_name ON speakers (name_key) WHERE kind = 'organization' AND home_source_id IS NULL;
CREATE INDEX speakers_by_count ON speakers (quote_count DESC, id)
  WHERE merged_into IS NULL AND home_source_id IS NULL AND quote_count > 0;
CREATE INDEX speakers_by_name ON speakers (name_key, id)
  WHERE merged_into IS NULL AND home_source_id IS NULL AND quote_count > 0;
CREATE INDEX speakers_home ON speakers (home_source_id) WHERE home_source_id IS NOT NULL;
CREATE INDEX speakers_merged ON speakers (merged_into) WHERE merged_into IS NOT NULL;

-- A title or honorific left in a stored person's name ("Councillor Margaret Hale", "Dr Siddiqui") is not part of it:
-- the name loses it (the slug stays, so links keep working; the alias keeps the words the article used) and the keys
-- are folded again by the functions of this version.
UPDATE speakers SET name = whosaid_bare_name(name)
  WHERE kind = 'person' AND name IS NOT NULL AND home_source_id IS NULL AND whosaid_bare_name(name) <> name;
UPDATE speakers SET name_key = whosaid_name_key(name), first_key = whosaid_first_key(name),
    surname_key = whosaid_surname_key(name)
  WHERE kind = 'person' AND name IS NOT NULL AND home_source_id IS NULL;

-- An organisation's key leaves out a company's legal suffix: "Kestrel Foods Inc." and "Kestrel Foods" are one.
UPDATE speakers SET name_key = whosaid_organization_key(name) WHERE kind = 'organization' AND name IS NOT NULL;

-- How each quote's speaker was found (src/extract/types.ts ResolvedBy), or 'manual' when set by hand. Quotes stored
-- before this migration did not record it: NULL ("not known") until their article is extracted again, except those
-- corrected by hand.
ALTER TABLE quotes ADD COLUMN resolved_by TEXT CHECK (resolved_by IS NULL OR resolved_by IN
  ('name', 'role', 'description', 'pronoun', 'continuation', 'unresolved', 'manual'));
UPDATE quotes SET resolved_by = 'manual' WHERE corrected = 1;

-- Slugs a speaker went by before it took a full name ("hale" before "margaret-hale"): old links redirect to it.
CREATE TABLE speaker_old_slugs (
  slug       TEXT PRIMARY KEY,
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX speaker_old_slugs_speaker ON speaker_old_slugs (speaker_id);

-- A name split off by hand is looked up by its words when it is ambiguous (two Hales known): see speaker-resolution.ts.
CREATE INDEX speaker_splits_alias ON speaker_splits (alias_key);
