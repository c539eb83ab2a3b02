-- The admin console (issue 7): who submitted a job, and indexes for the console's filters and dashboard, so each
-- page reads a bounded slice of the jobs table however large it grows.

-- Who asked for the job: the console's user (see dev.muster.console ConsoleUser); null where nobody is known yet.
alter table jobs add column submitter varchar(200);

create index jobs_by_pool on jobs (pool, submitted_at desc);
create index jobs_by_submitter on jobs (submitter, submitted_at desc) where submitter is not null;
-- Throughput over the last hour and recent failures.
create index jobs_finished on jobs (finished_at) where finished_at is not null;
create index jobs_recent_failures on jobs (finished_at desc) where state in ('FAILED', 'TIMED_OUT');
create index workers_by_state on workers (state, pool);
