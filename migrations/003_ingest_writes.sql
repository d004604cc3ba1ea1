-- Fewer writes per ingested article.

-- The store writes quotes_fts itself (src/store/source-writes.ts), for a whole group of articles in one statement.
-- Run inside each INSERT into quotes, the trigger made FTS5 write a new segment for every article (it flushes its
-- pending terms at each statement savepoint), segments it then had to merge. Deletes and updates keep their triggers.
DROP TRIGGER quotes_fts_insert;

-- No query looks an alias up by its text; every alias written updated this index.
DROP INDEX speaker_aliases_alias;
