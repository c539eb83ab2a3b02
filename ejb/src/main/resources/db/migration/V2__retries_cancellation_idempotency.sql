-- Retries, cancellation, idempotent submission and dead letters (see docs/reliability.md).

alter table jobs add column max_attempts integer not null default 1 check (max_attempts between 1 and 100);
alter table jobs add column retry_backoff_seconds integer not null default 0 check (retry_backoff_seconds >= 0);
-- Exit codes that make an attempt retryable, comma-separated and sorted ('' = none).
alter table jobs add column retry_exit_codes varchar(200) not null default '';
alter table jobs add column idempotency_key varchar(200);
alter table jobs add column cancel_requested_at timestamptz;
-- Why a job ended, when not SUCCEEDED: exit-code, error, worker-lost, worker-shutdown, timeout, cancelled.
alter table jobs add column reason varchar(32);
-- Set when a job FAILED because it ran out of attempts; its last message then went to muster.dead-letter.
alter table jobs add column dead_lettered_at timestamptz;
-- Counts the job's trips to the queue; each queue message carries the count it was sent with, so a message that
-- arrives before its transaction's database commit is visible can be told from one that is out of date.
alter table jobs add column queue_generation integer not null default 1;

create unique index jobs_idempotency_key on jobs (idempotency_key) where idempotency_key is not null;
create index jobs_dead_lettered on jobs (dead_lettered_at desc, id) where dead_lettered_at is not null;
create index jobs_cancel_requested on jobs (id) where cancel_requested_at is not null and state = 'RUNNING';
-- The lease reaper's scan: active attempts by expiry.
create index attempts_lease_expiry on attempts (lease_expires_at) where state = 'ACTIVE';
