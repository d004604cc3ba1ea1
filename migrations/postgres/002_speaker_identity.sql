-- One speaker across articles, corrections by hand that survive re-extraction, and the columns that lists filter and
-- sort on (PostgreSQL; migrations/002). A new PostgreSQL database has no rows to backfill.

-- Per-database settings: the key that signs pagination cursors when CURSOR_SECRET does not set one.
CREATE TABLE settings (
  key   text PRIMARY KEY,
  value text NOT NULL
);
INSERT INTO settings (key, value) VALUES ('cursor_secret', md5(random()::text || clock_timestamp()::text) || md5(random()::text));

ALTER TABLE speakers ADD COLUMN name_key text COLLATE "C";
ALTER TABLE speakers ADD COLUMN first_key text;
ALTER TABLE speakers ADD COLUMN surname_key text;
ALTER TABLE speakers ADD COLUMN home_source_id bigint REFERENCES sources (id) ON DELETE CASCADE;
ALTER TABLE speakers ADD COLUMN merged_into bigint REFERENCES speakers (id);
ALTER TABLE speakers ADD COLUMN quote_count integer NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD COLUMN source_count integer NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD COLUMN first_quoted_at text COLLATE "C";
ALTER TABLE speakers ADD COLUMN last_quoted_at text COLLATE "C";

CREATE INDEX speakers_surname ON speakers (surname_key) WHERE kind = 'person' AND home_source_id IS NULL;
CREATE INDEX speakers_org_name ON speakers (name_key) WHERE kind = 'organization' AND home_source_id IS NULL;
CREATE INDEX speakers_by_count ON speakers (quote_count DESC, id)
  WHERE merged_into IS NULL AND home_source_id IS NULL AND quote_count > 0;
CREATE INDEX speakers_by_name ON speakers ((coalesce(name_key, '')), id)
  WHERE merged_into IS NULL AND home_source_id IS NULL AND quote_count > 0;
CREATE INDEX speakers_home ON speakers (home_source_id) WHERE home_source_id IS NOT NULL;
CREATE INDEX speakers_merged ON speakers (merged_into) WHERE merged_into IS NOT NULL;

CREATE TABLE speaker_titles (
  speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  title      text NOT NULL,
  source_id  bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  PRIMARY KEY (speaker_id, title, source_id)
);
CREATE INDEX speaker_titles_source ON speaker_titles (source_id);

-- COLLATE "C": the word-prefix lookups compare tokens by code point (token >= $1 AND token < $1 || U+FFFF), as SQLite.
CREATE TABLE speaker_tokens (
  token      text COLLATE "C" NOT NULL,
  speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  PRIMARY KEY (token, speaker_id)
);
CREATE INDEX speaker_tokens_speaker ON speaker_tokens (speaker_id);

CREATE TABLE speaker_splits (
  speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias_key  text NOT NULL,
  into_id    bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  PRIMARY KEY (speaker_id, alias_key)
);

CREATE TABLE quote_corrections (
  source_id    bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  text         text NOT NULL,
  speaker_id   bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  corrected_at text NOT NULL,
  PRIMARY KEY (source_id, text)
);

ALTER TABLE quotes ADD COLUMN quoted_at text COLLATE "C";
ALTER TABLE quotes ADD COLUMN text_key text;
ALTER TABLE quotes ADD COLUMN context_start integer;
ALTER TABLE quotes ADD COLUMN context_end integer;
ALTER TABLE quotes ADD COLUMN corrected integer NOT NULL DEFAULT 0;
CREATE INDEX quotes_newest ON quotes (quoted_at DESC, id DESC);
CREATE INDEX quotes_speaker_newest ON quotes (speaker_id, quoted_at DESC, id DESC);
CREATE INDEX quotes_speaker_words ON quotes (speaker_id, text_key);

-- Sources: filters on publisher (without regard to case, as SQLite's COLLATE NOCASE) and date, words of the title.
CREATE INDEX sources_publisher ON sources (lower(publisher), id);
CREATE INDEX sources_published ON sources (published_at, id);
ALTER TABLE sources ADD COLUMN title_tsv tsvector
  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, whosaid_unaccent(title))) STORED;
CREATE INDEX sources_fts ON sources USING gin (title_tsv) WITH (fastupdate = off);
