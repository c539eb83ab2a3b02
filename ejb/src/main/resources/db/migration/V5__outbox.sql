-- Messages for the broker, written in the database transaction that makes them due and relayed to Artemis after it
-- commits (docs/reliability.md, "One transactional resource per step"). A row lives only until the broker has the
-- message; the relay deletes it in the transaction that claimed it.
create table outbox (
    id          bigserial    primary key,
    -- DISPATCH (to the router, then a worker) or DEAD_LETTER (to muster.dead-letter).
    kind        varchar(16)  not null,
    job_id      varchar(36)  not null,
    -- The job's queue generation when it was queued; a message of an older generation is dropped at lease time.
    generation  integer      not null,
    -- Not before this time: a retry's backoff, held by the broker as a scheduled delivery.
    deliver_at  timestamptz  not null,
    created_at  timestamptz  not null
);
