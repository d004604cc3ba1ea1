-- Name words of speakers that belong to one article, in a table of their own (migrations/004).
CREATE TABLE local_speaker_tokens (
  token      text COLLATE "C" NOT NULL,
  speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  PRIMARY KEY (token, speaker_id)
);
CREATE INDEX local_speaker_tokens_speaker ON local_speaker_tokens (speaker_id);
