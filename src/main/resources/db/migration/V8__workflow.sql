-- Workflow: electronic processes (quy trình điện tử) per procedure and agency, versioned; step instances of
-- dossiers; consultations of other agencies.
create table process_definition (
    id             bigint generated always as identity primary key,
    procedure_code text        not null,
    agency_code    text        not null,
    version        int         not null,
    active         boolean     not null default true,     -- the version in force for new dossiers
    note           text,
    created_by     text        not null,
    created_at     timestamptz not null default now(),
    unique (procedure_code, agency_code, version)
);
create unique index process_definition_active on process_definition (procedure_code, agency_code) where active;

create table process_step_def (
    definition_id bigint        not null references process_definition (id),
    seq           int           not null,
    name          text          not null,
    role          text          not null check (role in ('RECEPTION', 'SPECIALIST', 'LEADER')),
    agency_code   text,                                     -- another agency (liên thông); null = the dossier's
    hours         numeric(8, 2) not null check (hours >= 0),
    primary key (definition_id, seq)
);

-- The processing steps of each dossier (reception at intake and the return of the result are statuses).
create table dossier_step (
    id             bigint generated always as identity primary key,
    dossier_id     bigint      not null,
    definition_id  bigint,                                 -- null: the default process
    seq            int         not null,
    name           text        not null,
    role           text        not null,
    agency_code    text        not null,
    share_minutes  bigint      not null,                   -- its share of the legal time, in working minutes
    assignee_id    bigint,
    assignee_name  text,
    status         text        not null check (status in ('PENDING', 'ACTIVE', 'DONE', 'CANCELLED')),
    started_at     timestamptz,
    due_at         timestamptz,
    finished_at    timestamptz,
    unique (dossier_id, seq)
);
create index dossier_step_active on dossier_step (agency_code, role) where status = 'ACTIVE';

create table consultation (
    id           bigint generated always as identity primary key,
    dossier_id   bigint      not null,
    dossier_code text        not null,
    from_agency  text        not null,
    to_agency    text        not null,
    question     text        not null,
    requested_by text        not null,
    requested_at timestamptz not null,
    due_at       timestamptz not null,
    answered_at  timestamptz,
    answer       text,
    answered_by  text,
    reminded_at  timestamptz
);
create index consultation_open on consultation (to_agency) where answered_at is null;
create index consultation_dossier on consultation (dossier_id);
