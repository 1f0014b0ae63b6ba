-- 审核链每一步的接续: a step's `superseded_at` is when the submission's next step was taken (the
-- legal representative's confirmations aside, as the supervision metrics leave them aside), kept
-- by every statement that adds a step. "A form's standing when a day ended" (its last step before
-- then) becomes a filter, `at < end AND (superseded_at IS NULL OR superseded_at >= end)`, where it
-- was a sort of every step of every form: 28 s for the nation at 10.7 M steps (docs/benchmarks.md,
-- load test), run again by each process whenever its cached rankings expired.
ALTER TABLE review_steps ADD COLUMN superseded_at timestamptz;
UPDATE review_steps t SET superseded_at = n.next_at
  FROM (SELECT province_code, id, lead(at) OVER (PARTITION BY submission_id ORDER BY id) AS next_at
          FROM review_steps WHERE action <> 'confirm') n
 WHERE t.province_code = n.province_code AND t.id = n.id AND n.next_at IS NOT NULL;
