-- Recipient search: text holding '@' is looked for in emails through trigrams that span the
-- punctuation (docs/decisions/0023-romaji-readings.md, "the tail"). pg_trgm cuts words at
-- anything not a letter or digit, so on search_text `n.endo@t` becomes the words `endo` and `t`:
-- thousands of rows to read at a million customers (35-50 ms). Here the email line has '.', '@',
-- '_', '-' and '+' as Greek letters no address holds (ϙ ϛ ϝ ϟ ϡ), so trigrams such as `oϛt`
-- (o@t) and `nϙe` (n.e) are indexed and few rows share them. The application writes the query
-- the same way (RecipientSearchSql.JoinEmail). Changing the letters needs a REINDEX.
CREATE FUNCTION recipient_search_email_joined(search_text text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN translate(recipient_search_field(search_text, 7), '.@_-+', 'ϙϛϝϟϡ');

SET LOCAL maintenance_work_mem = '256MB';

CREATE INDEX customers_recipient_email_joined ON customers USING gin (recipient_search_email_joined(search_text) gin_trgm_ops);
