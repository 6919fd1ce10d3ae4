-- Recipient search (宛先/Cc/Bcc) at a million customers: docs/decisions/0002-recipient-search-indexes.md.
--
-- Every index below is an expression over customers.search_text, which the application writes
-- with CustomerSearchText.Build: one folded field per line, in a fixed order:
--   line 1 '' | 2 full name | 3 given name | 4 full kana | 5 given kana | 6 company | 7 email
-- Expression indexes stay in sync on every INSERT and UPDATE by themselves (no trigger, no
-- second copy of the data) and CREATE INDEX fills them for the rows already there.
-- The functions are inlined by the planner; a query must use them exactly as the index does.
-- Changing a function body makes its index stale: replace it only together with a REINDEX.

-- One folded field of search_text (see the line numbers above).
CREATE FUNCTION recipient_search_field(search_text text, line integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN split_part(search_text, E'\n', line);

-- search_text without its last line, the email: 1-2 character queries look inside names, kana
-- and company only, and match an email from its start (the grams of every email would double
-- the index for a match nobody types).
CREATE FUNCTION recipient_search_names(search_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN left(search_text, -1 - length(split_part(search_text, E'\n', -1)));

-- Every 1 and 2 character fragment of the names part, for the infix step of short queries
-- (pg_trgm needs 3 characters). Built from C functions only, ~10 µs a row: each character c
-- becomes "c\nc", so splitting on the separator yields all adjacent pairs plus the first and
-- last characters of each line; string_to_array(.., NULL) adds every single character. Pairs
-- never span two lines. The separator and '' land in the array too: queries never hold them.
CREATE FUNCTION recipient_search_grams(search_text text) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN string_to_array(regexp_replace(recipient_search_names(search_text), '(.)', E'\\1\n\\1', 'g'), E'\n')
        || string_to_array(recipient_search_names(search_text), NULL);

-- A million rows take about a minute here; give the builds room (this transaction only).
SET LOCAL maintenance_work_mem = '256MB';

-- Prefix step: one btree per field, queried with an exact range computed by the application.
-- COLLATE "C" makes the order byte order (= code point order), so [q, q-with-last-character-
-- incremented) is exactly "starts with q". No id column: equal names then share one
-- deduplicated entry, which keeps the name indexes a fraction of the size.
CREATE INDEX customers_recipient_full_name ON customers ((recipient_search_field(search_text, 2) COLLATE "C"));
CREATE INDEX customers_recipient_given_name ON customers ((recipient_search_field(search_text, 3) COLLATE "C"));
CREATE INDEX customers_recipient_full_kana ON customers ((recipient_search_field(search_text, 4) COLLATE "C"));
CREATE INDEX customers_recipient_given_kana ON customers ((recipient_search_field(search_text, 5) COLLATE "C"));
CREATE INDEX customers_recipient_company ON customers ((recipient_search_field(search_text, 6) COLLATE "C"));
CREATE INDEX customers_recipient_email ON customers ((recipient_search_field(search_text, 7) COLLATE "C"));

-- Infix step for 1-2 character queries. COLLATE "C" compares keys with memcmp: the build is a
-- third faster than under the database's C.UTF-8. (3+ characters use customers_search_text_trgm.)
CREATE INDEX customers_recipient_grams ON customers USING gin ((recipient_search_grams(search_text)) COLLATE "C");
