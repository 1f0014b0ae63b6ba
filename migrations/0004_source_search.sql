-- Fast name search over millions of sources. Chinese names are searched by
-- fragments of two or three characters (华宇, 正泰): a trigram index cannot serve a
-- two-character term, so every name carries its character bigrams, indexed with GIN;
-- a search asks for all bigrams of the term, then confirms with LIKE.

CREATE FUNCTION name_bigrams(t text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}') FROM generate_series(1, length(t) - 1) AS i $$;

ALTER TABLE sources ADD COLUMN name_grams text[] GENERATED ALWAYS AS (name_bigrams(name)) STORED;
CREATE INDEX sources_name_grams_idx ON sources USING gin (name_grams);
-- Credit-code prefix search (LIKE 'X%') needs pattern ops under a non-C collation.
CREATE INDEX sources_credit_pattern_idx ON sources (credit_code text_pattern_ops) WHERE credit_code IS NOT NULL;
