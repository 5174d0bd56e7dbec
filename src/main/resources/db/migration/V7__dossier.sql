-- Dossier: the dossier, its documents, history, supplement requests, codes, idempotency, drafts, ratings.
create table dossier (
    id                   bigint generated always as identity primary key,
    code                 text        not null unique,        -- mã số hồ sơ (Circular 01/2018 Art. 19)
    procedure_code       text        not null,
    procedure_version    int         not null,
    procedure_name       text        not null,
    agency_code          text        not null,               -- receiving agency
    province_code        text        not null,
    district_code        text,
    commune_code         text,
    level                text        not null,
    channel              text        not null check (channel in ('COUNTER', 'ONLINE', 'POSTAL')),
    status               text        not null,
    applicant_account_id bigint,                              -- the citizen's account (online), if any
    applicant            jsonb       not null,
    applicant_name       text        not null,
    applicant_id_number  text,
    applicant_phone      text,
    form                 jsonb       not null,
    time_amount          numeric(8, 2),
    time_unit            text,
    submitted_at         timestamptz,                         -- ngày nộp (online)
    received_at          timestamptz,                         -- ngày tiếp nhận
    clock_started_at     timestamptz,                         -- start of the statutory clock
    due_at               timestamptz,                         -- ngày hẹn trả in force
    original_due_at      timestamptz,                         -- before an apology moved it
    paused_at            timestamptz,                         -- clock stopped (supplement, payment)
    paused_remaining_min bigint,                              -- working minutes left when stopped
    finished_at          timestamptz,                         -- ngày kết thúc xử lý
    returned_at          timestamptz,                         -- ngày trả kết quả
    outcome              text check (outcome in ('EARLY', 'ON_TIME', 'LATE')),
    supplement_count     int         not null default 0,
    supplement_stage     text,                                -- RECEPTION or PROCESSING while waiting
    apology_count        int         not null default 0,
    late_flag            boolean     not null default false,  -- counted late whatever the dates (2+ supplements)
    assignee_id          bigint,
    assignee_name        text,
    current_step_seq     int,                                  -- the processing step in progress (from workflow)
    current_step_name    text,
    current_step_role    text,
    current_step_agency  text,
    current_step_due_at  timestamptz,
    consulting_agencies  text[]      not null default '{}',   -- agencies asked for an opinion, not yet answered
    due_soon             boolean     not null default false,  -- set by the overdue watch
    overdue_notified_at  timestamptz,
    received_by          bigint,
    digitised            boolean     not null default false,  -- paper documents scanned at the counter
    fee_amount           bigint,
    paid_at              timestamptz,
    rating               text check (rating in ('SATISFIED', 'NEUTRAL', 'UNSATISFIED')),
    rating_comment       text,
    rated_at             timestamptz,
    version              int         not null default 0,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now()
);
create index dossier_agency_status on dossier (agency_code, status, due_at);
create index dossier_step_agency on dossier (current_step_agency, status) where current_step_agency is not null;
create index dossier_consulting on dossier using gin (consulting_agencies);
create index dossier_applicant on dossier (applicant_account_id, created_at desc);
create index dossier_open_due on dossier (due_at) where status in ('RECEIVED', 'PROCESSING', 'COMPLETED');
create index dossier_received on dossier (received_at);

create table dossier_attachment (
    id             bigint generated always as identity primary key,
    dossier_id     bigint      not null references dossier (id),
    kind           text        not null check (kind in ('INPUT', 'SUPPLEMENT', 'RESULT', 'NOTICE')),
    component_code text,
    file_id        uuid        not null,
    name           text        not null,
    content_type   text        not null,
    size           bigint      not null,
    digitised      boolean     not null default false,
    added_by       bigint,
    added_at       timestamptz not null default now()
);
create index dossier_attachment_dossier on dossier_attachment (dossier_id);

-- Append-only: who, when, from where, what, why.
create table dossier_history (
    id          bigint generated always as identity primary key,
    dossier_id  bigint      not null references dossier (id),
    at          timestamptz not null,
    actor_id    bigint,
    actor_name  text        not null,
    actor_role  text,
    agency_code text,
    origin      text,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    step        text,
    reason      text,
    note        text,
    due_at      timestamptz,
    documents   jsonb       not null default '[]'
);
create index dossier_history_dossier on dossier_history (dossier_id, id);

create table dossier_supplement (
    id           bigint generated always as identity primary key,
    dossier_id   bigint      not null references dossier (id),
    stage        text        not null check (stage in ('RECEPTION', 'PROCESSING')),
    requested_at timestamptz not null,
    requested_by bigint,
    reason       text        not null,
    items        jsonb       not null default '[]',
    supplied_at  timestamptz,
    note         text
);
create index dossier_supplement_dossier on dossier_supplement (dossier_id);

-- Gap-free daily sequence per receiving agency: the row lock serialises concurrent intake of one agency.
create table dossier_code_seq (
    agency_eid text not null,
    day        date not null,
    last       int  not null,
    primary key (agency_eid, day)
);

create table idempotency_record (
    account_id   bigint      not null,
    key          text        not null,
    request_hash text        not null,
    dossier_id   bigint,
    created_at   timestamptz not null default now(),
    primary key (account_id, key)
);

create table dossier_draft (
    id             bigint generated always as identity primary key,
    account_id     bigint      not null,
    procedure_code text        not null,
    agency_code    text,
    applicant      jsonb       not null default '{}',
    form           jsonb       not null default '{}',
    attachments    jsonb       not null default '[]',
    updated_at     timestamptz not null default now()
);
create index dossier_draft_account on dossier_draft (account_id, updated_at desc);
