-- Retries across runs (issue 6, item 5): a delivery that is still failing for now after a run's own
-- attempts waits until next_attempt_at before any run or node claims it again; the wait doubles with
-- each failed run (failed_runs), 5 min, 10 min, ... up to 4 h (delivery/RetryPolicy). Rows failed
-- before this migration have no time and are due at once, as before. Portable between H2 2.x and PostgreSQL.
alter table deliveries add column next_attempt_at timestamp with time zone;
alter table deliveries add column failed_runs int default 0 not null;
