-- Browser workers (issue 5): JavaScript jobs, their results, and what each worker is and runs.

-- A js job has a script instead of a command.
alter table jobs alter column command drop not null;
alter table jobs add column script text;
alter table jobs add column input_json text;
-- What the last reported attempt returned (JSON), or how it failed.
alter table jobs add column result_json text;
alter table jobs add column error_message text;
alter table jobs add column error_stack text;
-- The statistics' throughput counts jobs that finished in the last minute.
create index jobs_finished_at on jobs (finished_at) where finished_at is not null;

-- java (the muster jar) or browser (the /worker page); the job kinds it runs, comma-separated and sorted.
alter table workers add column kind varchar(16) not null default 'java';
alter table workers add column job_kinds varchar(100) not null default 'shell';
