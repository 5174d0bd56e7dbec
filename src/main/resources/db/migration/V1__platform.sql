-- Platform: extensions, the transactional outbox, db-scheduler and HTTP sessions.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- Events appended in the same transaction as the change they describe (see vn.motcua.platform.outbox).
create table outbox_event (
    id           bigint generated always as identity primary key,
    xid          xid8        not null default pg_current_xact_id(),
    aggregate    text        not null,
    aggregate_id text        not null,
    type         text        not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now()
);
create index outbox_event_order on outbox_event (xid, id);

-- Each downstream consumer's position in the outbox.
create table outbox_cursor (
    consumer   text primary key,
    last_xid   xid8        not null default '0'::xid8,
    last_id    bigint      not null default 0,
    updated_at timestamptz not null default now()
);

-- db-scheduler (cluster-safe background jobs).
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Spring Session (pages' login sessions live in the database, so any node can serve any request).
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);

-- Which demo data sets are loaded, and from which version of their files (a restart skips unchanged ones).
create table demo_data_loaded (
    name        text primary key,
    fingerprint text        not null,
    loaded_at   timestamptz not null default now()
);
