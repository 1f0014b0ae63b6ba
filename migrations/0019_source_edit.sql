-- Editing a source by hand and fuzzy name search (名录库).
-- Former names are searched like the name: their character bigrams, generated from the
-- array and indexed with GIN, so a search (exact or fuzzy) also finds a source by a
-- name it used to have. array_to_string is only STABLE, hence our own IMMUTABLE helper
-- over name_bigrams (0004): the same bigrams, the same normalisation (none but the text).

CREATE FUNCTION names_bigrams(t text[]) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT coalesce(array_agg(DISTINCT g), '{}') FROM unnest(t) AS n, unnest(name_bigrams(n)) AS g $$;

ALTER TABLE sources ADD COLUMN former_grams text[] GENERATED ALWAYS AS (names_bigrams(former_names)) STORED;
CREATE INDEX sources_former_grams_idx ON sources USING gin (former_grams) WHERE cardinality(former_names) > 0;
