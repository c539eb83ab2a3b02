-- Security (issue 6): console users, API tokens, worker enrolment tokens. Passwords are PBKDF2 hashes with their
-- own salt and iteration count; tokens are random (256 bits) and kept only as SHA-256, which is enough for secrets
-- nobody can guess and lets a request find its token by an indexed lookup.

create table users (
    name          varchar(100) primary key,
    password_hash varchar(300) not null,
    role          varchar(16)  not null check (role in ('admin', 'operator', 'viewer')),
    created_at    timestamptz  not null
);

create table api_tokens (
    id           varchar(36)  primary key,
    name         varchar(100) not null,
    role         varchar(16)  not null check (role in ('admin', 'operator', 'viewer')),
    token_hash   varchar(64)  not null unique,
    created_by   varchar(200),
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create table enrolment_tokens (
    id           varchar(36)  primary key,
    name         varchar(100) not null,
    token_hash   varchar(64)  not null unique,
    -- Comma-joined; null: any pool / any labels.
    pools        varchar(2000),
    labels       varchar(2000),
    expires_at   timestamptz,
    created_by   varchar(200),
    created_at   timestamptz  not null,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Which enrolment admitted a worker; a worker's requests find it by its secret's hash. A revoked worker is told so
-- (403) rather than that it is unknown (401), on which a worker would register again with its enrolment token.
alter table workers add column enrolment_id varchar(36);
alter table workers add column revoked_at timestamptz;
create index workers_by_secret on workers (secret_hash);
