-- Name words of speakers that belong to one article (unnamed speakers, organisations named by their role) in a table
-- of their own. They were three rows in five of speaker_tokens, which every name lookup of the shared speakers read
-- and then discarded: "documents" (from "documents reviewed by ...") had 57,000 rows at 100,000 articles.
CREATE TABLE local_speaker_tokens (
  token      TEXT NOT NULL,
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  PRIMARY KEY (token, speaker_id)
) WITHOUT ROWID;
CREATE INDEX local_speaker_tokens_speaker ON local_speaker_tokens (speaker_id);

INSERT INTO local_speaker_tokens (token, speaker_id)
  SELECT t.token, t.speaker_id FROM speaker_tokens t JOIN speakers s ON s.id = t.speaker_id
  WHERE s.home_source_id IS NOT NULL;
DELETE FROM speaker_tokens WHERE speaker_id IN (SELECT id FROM speakers WHERE home_source_id IS NOT NULL);
