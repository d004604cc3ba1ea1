-- Speaker identity (migrations/005): the kind 'group', how each quote's speaker was found, and old slugs.
ALTER TABLE speakers DROP CONSTRAINT speakers_kind_check;
ALTER TABLE speakers ADD CONSTRAINT speakers_kind_check CHECK (kind IN ('person', 'organization', 'group', 'unnamed'));

ALTER TABLE quotes ADD COLUMN resolved_by text CHECK (resolved_by IS NULL OR resolved_by IN
  ('name', 'role', 'description', 'pronoun', 'continuation', 'unresolved', 'manual'));

CREATE TABLE speaker_old_slugs (
  slug       text PRIMARY KEY,
  speaker_id bigint NOT NULL REFERENCES speakers (id) ON DELETE CASCADE
);
CREATE INDEX speaker_old_slugs_speaker ON speaker_old_slugs (speaker_id);

CREATE INDEX speaker_splits_alias ON speaker_splits (alias_key);
