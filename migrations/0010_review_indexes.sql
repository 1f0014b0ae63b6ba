-- The review queue filtered by form (bench/review.ts, docs/benchmarks.md). submissions_queue_idx
-- orders a level's whole queue by age, so a page filtered by form (and more) walks every other
-- form's rows first: at 100,000 waiting, a filter that matches little read ~65,000 rows (~150 ms).
-- Keyed by form first, such a page reads only that form's rows, oldest first. No INCLUDE columns
-- for an index-only summary: updates (saves, approvals) clear the visibility map long before
-- autovacuum comes back, and the heap fetches then cost more than the sequential scan.
CREATE INDEX submissions_queue_form_idx ON submissions (review_level, form, waiting_since, seq) WHERE review_level IS NOT NULL;
