-- The other source categories' accounting (livestock, domestic, centralised, mobile): the manure
-- use rate (%) a livestock farm's figures assume when its N101-2 declares none — a national
-- default like k_default, changed by the national office.
ALTER TABLE accounting_settings ADD COLUMN manure_use_default numeric NOT NULL DEFAULT 0 CHECK (manure_use_default BETWEEN 0 AND 100);
