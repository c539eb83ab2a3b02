-- Ids are UUID strings made by the application, so a job's id is known before its row and its message exist.

create table workers (
    id             varchar(36)  primary key,
    name           varchar(200) not null,
    pool           varchar(63)  not null,
    labels         varchar(600) not null default '',
    slots          integer      not null check (slots > 0),
    version        varchar(64),
    secret_hash    varchar(64)  not null,
    state          varchar(16)  not null,
    registered_at  timestamptz  not null,
    last_seen_at   timestamptz  not null
);
create index workers_last_seen on workers (last_seen_at) where state = 'ONLINE';

create table jobs (
    id                 varchar(36)  primary key,
    kind               varchar(16)  not null,
    command            text         not null,
    env_json           text         not null default '{}',
    pool               varchar(63)  not null,
    labels             varchar(1200) not null default '',
    priority           smallint     not null check (priority between 0 and 9),
    timeout_seconds    integer,
    state              varchar(16)  not null,
    exit_code          integer,
    attempt_count      integer      not null default 0,
    current_attempt_id varchar(36),
    worker_id          varchar(36),
    submitted_at       timestamptz  not null,
    started_at         timestamptz,
    finished_at        timestamptz,
    version            bigint       not null default 0
);
create index jobs_newest on jobs (submitted_at desc, id);
create index jobs_by_state_pool on jobs (state, pool, submitted_at desc);

create table attempts (
    id               varchar(36) primary key,
    job_id           varchar(36) not null references jobs (id),
    number           integer     not null,
    worker_id        varchar(36) not null references workers (id),
    lease_token      varchar(64) not null,
    lease_expires_at timestamptz not null,
    state            varchar(16) not null,
    exit_code        integer,
    detail           text,
    started_at       timestamptz not null,
    finished_at      timestamptz,
    unique (job_id, number)
);
create index attempts_active_by_worker on attempts (worker_id) where state = 'ACTIVE';

-- seq counts per attempt across stdout and stderr, so the order of both streams is kept.
create table log_chunks (
    attempt_id  varchar(36) not null references attempts (id),
    seq         integer     not null check (seq >= 0),
    stream      varchar(6)  not null check (stream in ('stdout', 'stderr')),
    data        text        not null,
    received_at timestamptz not null,
    primary key (attempt_id, seq)
);
