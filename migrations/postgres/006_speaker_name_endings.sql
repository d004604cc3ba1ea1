-- Bounded speaker matching (migrations/006): ending_key holds the last two words of name_key ("lopez obrador"), so
-- that a name ending another is found by that key instead of by reading every person of a surname; a full name's
-- candidates are read by surname and first name together.
ALTER TABLE speakers ADD COLUMN ending_key text;
UPDATE speakers SET ending_key = substring(name_key from '([^ ]+ [^ ]+)$') WHERE name_key LIKE '% %';
CREATE INDEX speakers_name_ending ON speakers (ending_key)
  WHERE kind = 'person' AND home_source_id IS NULL AND ending_key IS NOT NULL;
DROP INDEX speakers_surname;
CREATE INDEX speakers_surname_first ON speakers (surname_key, first_key) WHERE kind = 'person' AND home_source_id IS NULL;
