-- 会社名カナ, and the readings that let romaji find kana: docs/decisions/0023-romaji-readings.md.
--
-- search_reading is written by the application with CustomerSearchText.BuildReading, one line
-- per reading, in a fixed order (the same form as search_text):
--   line 1 '' | 2 romaji key of the full kana | 3 romaji key of the given-name kana
--          | 4 folded 会社名カナ | 5 romaji key of 会社名カナ
-- '' means "not computed yet": the rows already here get theirs from CustomerReadingBackfill at
-- the next start (the romaji rules live in C# only, RomajiKey).
ALTER TABLE customers
    ADD COLUMN company_kana   text NOT NULL DEFAULT '',
    ADD COLUMN search_reading text NOT NULL DEFAULT '';

SET LOCAL maintenance_work_mem = '256MB';

-- Prefix search, as the name indexes of 0015-recipient-search (exact ranges under COLLATE "C").
CREATE INDEX customers_reading_full_romaji ON customers ((recipient_search_field(search_reading, 2) COLLATE "C"));
CREATE INDEX customers_reading_given_romaji ON customers ((recipient_search_field(search_reading, 3) COLLATE "C"));
CREATE INDEX customers_reading_company_kana ON customers ((recipient_search_field(search_reading, 4) COLLATE "C"));
CREATE INDEX customers_reading_company_romaji ON customers ((recipient_search_field(search_reading, 5) COLLATE "C"));
