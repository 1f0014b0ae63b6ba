-- Fixed-window counters of the login and invitation limits, per client address: kept in the
-- database so every server process behind one proxy counts the same attempts (src/server/rate-limit.ts).
CREATE TABLE rate_limits (
  key       text PRIMARY KEY CHECK (length(key) <= 200),
  hits      integer NOT NULL,
  reset_at  timestamptz NOT NULL
);
CREATE INDEX rate_limits_reset ON rate_limits (reset_at);
