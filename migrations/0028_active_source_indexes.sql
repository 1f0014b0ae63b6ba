-- The active sources of a region, and "is this source active", read from an index alone: the
-- inventory progress of a county (sources per region and state, uncached: a county watches its
-- own field work live) read every source row of the region and of its records' sources, the
-- closed and merged ones too. 98 ms → 47 ms for a county of 12,700 sources at national size, the
-- route that gave way first in the load test (docs/benchmarks.md).
CREATE INDEX sources_active_region_idx ON sources (region_code COLLATE "C", id) WHERE state = 'active';
CREATE INDEX sources_active_id_idx ON sources (id) WHERE state = 'active';
