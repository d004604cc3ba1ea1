-- Bounded speaker matching (issue 16): finding a known person must not read every person of a surname. An article
-- naming thousands of different "… Lee"s made each new one scan all the Lees stored before it (3 s for 4,000 names
-- in one 100 KB article, growing with the square of the count).
-- ending_key holds the last two words of name_key ("lopez obrador"): a name that ends another ("López Obrador" and
-- "Andrés Manuel López Obrador") shares it, so that rule reads only the names with that ending. And a full name's
-- candidates (its first name, or none) are read by surname and first name together.
ALTER TABLE speakers ADD COLUMN ending_key TEXT;
UPDATE speakers SET ending_key = whosaid_name_ending(name_key) WHERE name_key LIKE '% %';
CREATE INDEX speakers_name_ending ON speakers (ending_key)
  WHERE kind = 'person' AND home_source_id IS NULL AND ending_key IS NOT NULL;
DROP INDEX speakers_surname;
CREATE INDEX speakers_surname_first ON speakers (surname_key, first_key) WHERE kind = 'person' AND home_source_id IS NULL;
