-- Articles, the speakers found in them, and their quotes.
-- Offsets are UTF-16 code unit indices into sources.text (what JavaScript string indices count).

CREATE TABLE sources (
  id                INTEGER PRIMARY KEY,
  url               TEXT UNIQUE,
  title             TEXT NOT NULL,
  publisher         TEXT,
  published_at      TEXT,
  text              TEXT NOT NULL,
  content_hash      TEXT NOT NULL UNIQUE,
  ingested_at       TEXT NOT NULL,
  extractor_version TEXT NOT NULL
);

CREATE TABLE speakers (
  id    INTEGER PRIMARY KEY,
  -- NULL for speakers without a canonical name ("officials"): they are never shared between articles.
  slug  TEXT UNIQUE,
  name  TEXT,
  kind  TEXT NOT NULL CHECK (kind IN ('person', 'organization', 'unnamed')),
  title TEXT
);
-- Cross-article merging looks a speaker up by its canonical name and kind.
CREATE INDEX speakers_name_kind ON speakers (name, kind);
CREATE INDEX speakers_kind ON speakers (kind, id);

CREATE TABLE speaker_aliases (
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias      TEXT NOT NULL,
  source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  PRIMARY KEY (speaker_id, alias, source_id)
) WITHOUT ROWID;
CREATE INDEX speaker_aliases_alias ON speaker_aliases (alias);
CREATE INDEX speaker_aliases_source ON speaker_aliases (source_id);

CREATE TABLE quotes (
  id              INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  speaker_id      INTEGER REFERENCES speakers (id) ON DELETE SET NULL,
  speaker_mention TEXT,
  speaker_start   INTEGER,
  speaker_end     INTEGER,
  text            TEXT NOT NULL,
  start_offset    INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset      INTEGER NOT NULL CHECK (end_offset >= start_offset),
  -- JSON array of [start, end] pairs when the attribution interrupts the quote, else NULL.
  fragments       TEXT CHECK (fragments IS NULL OR json_valid(fragments)),
  type            TEXT NOT NULL CHECK (type IN ('direct', 'mixed', 'indirect')),
  cue             TEXT,
  confidence      REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  via             TEXT
);
CREATE INDEX quotes_source ON quotes (source_id, id);
CREATE INDEX quotes_speaker ON quotes (speaker_id, id);
CREATE INDEX quotes_type ON quotes (type, id);

-- Full-text search over quote text, kept in step with quotes by the triggers below.
CREATE VIRTUAL TABLE quotes_fts USING fts5 (
  text,
  content = 'quotes',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END;
