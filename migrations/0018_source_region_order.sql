-- The directory's pages are read in (region, id) order: a township's sources together, and a
-- page of any region found by walking this index from the region's first code. In id order the
-- planner walked the primary key and filtered, which is fast only when a region's ids are spread
-- evenly; where a province's sources were loaded at once (the national census) a county's first
-- page read a million other rows first (0.6–1.1 s, bench:load). "C": codes are digits, compared
-- byte by byte, so a code prefix is a range of this index whatever the database's locale.
CREATE INDEX sources_region_order_idx ON sources ((region_code COLLATE "C"), id);
