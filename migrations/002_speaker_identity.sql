-- One speaker across articles, corrections by hand that survive re-extraction, and the columns
-- that lists filter and sort on. The whosaid_* functions are registered by the store on every
-- connection (src/store/database.ts); they fold names the way the ingest path does.

-- Per-database settings: the key that signs pagination cursors.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO settings (key, value) VALUES ('cursor_secret', lower(hex(randomblob(32))));

-- Identity keys (folded), the article a local speaker belongs to, redirects after a manual
-- merge, and counts kept up to date by the store so lists can sort on them.
ALTER TABLE speakers ADD COLUMN name_key TEXT;
ALTER TABLE speakers ADD COLUMN first_key TEXT;
ALTER TABLE speakers ADD COLUMN surname_key TEXT;
-- Set for speakers that belong to one article: unnamed ones and organisations named by role only.
ALTER TABLE speakers ADD COLUMN home_source_id INTEGER REFERENCES sources (id) ON DELETE CASCADE;
ALTER TABLE speakers ADD COLUMN merged_into INTEGER REFERENCES speakers (id);
ALTER TABLE speakers ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD COLUMN source_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE speakers ADD COLUMN first_quoted_at TEXT;
ALTER TABLE speakers ADD COLUMN last_quoted_at TEXT;

UPDATE speakers SET name_key = whosaid_name_key(name) WHERE name IS NOT NULL;
UPDATE speakers SET first_key = whosaid_first_key(name), surname_key = whosaid_surname_key(name)
  WHERE kind = 'person' AND name IS NOT NULL;
-- Before this migration every speaker without a name, and every organisation, was its own row.
UPDATE speakers SET home_source_id = (SELECT min(source_id) FROM speaker_aliases a WHERE a.speaker_id = speakers.id)
  WHERE kind = 'unnamed' OR (kind = 'organization' AND whosaid_role_only(name));
UPDATE speakers SET slug = NULL WHERE home_source_id IS NOT NULL;

DROP INDEX speakers_name_kind;
DROP INDEX speakers_kind;
CREATE INDEX speakers_surname ON speakers (surname_key) WHERE kind = 'person' AND home_source_id IS NULL;
CREATE INDEX speakers_org_name ON speakers (name_key) WHERE kind = 'organization' AND home_source_id IS NULL;
-- Listings show speakers with quotes, not merged away, not local to one article.
CREATE INDEX speakers_by_count ON speakers (quote_count DESC, id)
  WHERE merged_into IS NULL AND home_source_id IS NULL AND quote_count > 0;
CREATE INDEX speakers_by_name ON speakers (name_key, id)
  WHERE merged_into IS NULL AND home_source_id IS NULL AND quote_count > 0;
CREATE INDEX speakers_home ON speakers (home_source_id) WHERE home_source_id IS NOT NULL;
CREATE INDEX speakers_merged ON speakers (merged_into) WHERE merged_into IS NOT NULL;

-- Titles and roles an article gives a speaker ("US special envoy"), like aliases are names.
CREATE TABLE speaker_titles (
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  PRIMARY KEY (speaker_id, title, source_id)
) WITHOUT ROWID;
CREATE INDEX speaker_titles_source ON speaker_titles (source_id);
INSERT INTO speaker_titles (speaker_id, title, source_id)
  SELECT DISTINCT s.id, s.title, a.source_id FROM speakers s JOIN speaker_aliases a ON a.speaker_id = s.id
  WHERE s.title IS NOT NULL;

-- Every word of every name a speaker goes by, folded, for ?name= lookups by word prefix.
CREATE TABLE speaker_tokens (
  token      TEXT NOT NULL,
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  PRIMARY KEY (token, speaker_id)
) WITHOUT ROWID;
CREATE INDEX speaker_tokens_speaker ON speaker_tokens (speaker_id);
INSERT OR IGNORE INTO speaker_tokens (token, speaker_id)
  SELECT t.value, a.speaker_id FROM speaker_aliases a, json_each(whosaid_name_tokens(a.alias)) t;

-- A manual split: the names in alias_key found on speaker_id go to into_id instead, also when
-- the article is extracted again.
CREATE TABLE speaker_splits (
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias_key  TEXT NOT NULL,
  into_id    INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  PRIMARY KEY (speaker_id, alias_key)
) WITHOUT ROWID;

-- A manual attribution of one quote, kept while the article still has a quote with this text.
CREATE TABLE quote_corrections (
  source_id    INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  text         TEXT NOT NULL,
  speaker_id   INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  corrected_at TEXT NOT NULL,
  PRIMARY KEY (source_id, text)
) WITHOUT ROWID;

-- The source's date on each quote (published, else ingested) so date filters and newest-first
-- lists use one index; a key of the words for folding syndicated copies; the sentence around it.
ALTER TABLE quotes ADD COLUMN quoted_at TEXT;
ALTER TABLE quotes ADD COLUMN text_key TEXT;
ALTER TABLE quotes ADD COLUMN context_start INTEGER;
ALTER TABLE quotes ADD COLUMN context_end INTEGER;
ALTER TABLE quotes ADD COLUMN corrected INTEGER NOT NULL DEFAULT 0;
UPDATE quotes SET
  quoted_at = (SELECT coalesce(s.published_at, s.ingested_at) FROM sources s WHERE s.id = quotes.source_id),
  text_key = whosaid_text_key(text);

DROP INDEX quotes_speaker;
DROP INDEX quotes_type;
CREATE INDEX quotes_newest ON quotes (quoted_at DESC, id DESC);
CREATE INDEX quotes_speaker_newest ON quotes (speaker_id, quoted_at DESC, id DESC);
CREATE INDEX quotes_speaker_words ON quotes (speaker_id, text_key);

UPDATE speakers SET
  quote_count = (SELECT count(*) FROM quotes q WHERE q.speaker_id = speakers.id),
  source_count = (SELECT count(DISTINCT q.source_id) FROM quotes q WHERE q.speaker_id = speakers.id),
  first_quoted_at = (SELECT min(q.quoted_at) FROM quotes q WHERE q.speaker_id = speakers.id),
  last_quoted_at = (SELECT max(q.quoted_at) FROM quotes q WHERE q.speaker_id = speakers.id);

-- Sources: filters on publisher and date, words of the title.
CREATE INDEX sources_publisher ON sources (publisher, id);
CREATE INDEX sources_published ON sources (published_at, id);
CREATE VIRTUAL TABLE sources_fts USING fts5 (
  title,
  content = 'sources',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO sources_fts (sources_fts) VALUES ('rebuild');
CREATE TRIGGER sources_fts_insert AFTER INSERT ON sources BEGIN
  INSERT INTO sources_fts (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER sources_fts_delete AFTER DELETE ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER sources_fts_update AFTER UPDATE OF title ON sources BEGIN
  INSERT INTO sources_fts (sources_fts, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO sources_fts (rowid, title) VALUES (new.id, new.title);
END;
