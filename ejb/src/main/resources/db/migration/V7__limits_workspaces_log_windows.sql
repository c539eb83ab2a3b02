-- Workspaces: zip archives uploaded by clients, unpacked by workers into a job's directory. The bytes are stored in
-- parts of at most 1 MiB, so an upload and a download each hold one part in memory, on PostgreSQL's side as well
-- as ours, and both work through plain JPA native queries on every provider (no large-object API).
create table workspaces (
    id          varchar(36)  primary key,
    size_bytes  bigint       not null,
    sha256      varchar(64)  not null,
    created_at  timestamptz  not null,
    -- Last time a job was submitted with it: retention counts from here (see WorkspaceStore.deleteUnused).
    used_at     timestamptz  not null
);
create index workspaces_used on workspaces (used_at);

create table workspace_parts (
    workspace_id varchar(36) not null references workspaces (id) on delete cascade,
    part         integer     not null,
    data         bytea       not null,
    primary key (workspace_id, part)
);

-- A finished job may outlive its workspace; the job keeps running to completion without it being needed again.
alter table jobs add column workspace_id varchar(36) references workspaces (id) on delete set null;
create index jobs_by_workspace on jobs (workspace_id) where workspace_id is not null;

-- Per attempt, what its log holds against muster.limits.log-bytes-per-attempt: the head (first half, up to
-- head_last_seq), the tail (the most recent chunks after it) and what was dropped in between (through
-- dropped_through_seq). A log is truncated when dropped_bytes > 0.
create table log_windows (
    attempt_id          varchar(36) primary key references attempts (id) on delete cascade,
    head_bytes          bigint      not null default 0,
    head_last_seq       integer     not null default -1,
    head_closed         boolean     not null default false,
    tail_bytes          bigint      not null default 0,
    dropped_bytes       bigint      not null default 0,
    dropped_chunks      integer     not null default 0,
    dropped_through_seq integer     not null default -1
);
