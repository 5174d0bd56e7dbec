-- Feedback (phản ánh, kiến nghị — PAKN), issue 15, docs/FEEDBACK.md. Owned by the feedback module.
-- One row per item; the status machine is feedback.internal.StatusMachine; every deadline comes from the
-- working calendar (the national PAKN deadlines from the clock start, the 1022 levels from the routing).
create sequence feedback_code_seq;

create table feedback (
    id                    bigint generated always as identity primary key,
    code                  text        not null unique,                -- PA-YYMMDD-NNNNN, shown to the sender
    channel               text        not null check (channel in ('PORTAL', 'HOTLINE', 'OPEN311')),
    category              text        not null check (category in ('REGULATION', 'CONDUCT')),
    status                text        not null check (status in ('RECEIVED', 'CLASSIFIED', 'SUPPLEMENT_REQUESTED',
                              'ROUTED', 'ANSWERED', 'APPROVED', 'PUBLISHED', 'SPAM', 'NOT_ACCEPTED', 'RAISED_AGAIN')),
    title                 text        not null,
    content               text        not null,
    sender_name           text        not null,
    sender_phone          text,
    sender_email          text,
    account_id            bigint,                                     -- the citizen's account (no FK: identity owns it)
    address               text,
    lat                   double precision,
    lon                   double precision,
    dossier_code          text,                                       -- optional link to a dossier
    service_code          text,                                       -- Open311 service code (= category subject)
    agency_code           text,                                       -- the competent agency it was routed to
    answer                text,
    answered_by           text,
    approved_by           text,
    reason                text,                                       -- why not accepted / supplement asked / raised again
    received_at           timestamptz not null,
    clock_start_at        timestamptz not null,                       -- national PAKN clock (restarts when raised again)
    refuse_due_at         timestamptz not null,
    supplement_due_at     timestamptz not null,
    handled_due_at        timestamptz not null,
    publish_due_at        timestamptz,                                -- set when approved (waiting for publication)
    routed_at             timestamptz,
    specialist_due_at     timestamptz,                                -- 1022 rule: specialist level (from routing)
    leader_due_at         timestamptz,                                -- 1022 rule: leader level (from routing)
    specialist_overdue_at timestamptz,                                -- escalated to the leader level
    leader_overdue_at     timestamptz,
    handled_at            timestamptz,                                -- reached APPROVED (chờ công khai), SPAM or NOT_ACCEPTED
    handled_late          boolean     not null default false,
    published_at          timestamptz,
    rating                text check (rating in ('SATISFIED', 'UNSATISFIED')),
    rated_at              timestamptz,
    raised_count          int         not null default 0,
    open311_token         text unique,
    version               int         not null default 0,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    check (lat is null or (lat between -90 and 90 and lon between -180 and 180))
);

create index feedback_status on feedback (status, received_at);
create index feedback_agency on feedback (agency_code, status) where agency_code is not null;
create index feedback_account on feedback (account_id, received_at desc) where account_id is not null;
create index feedback_received on feedback (received_at);
-- the SLA watch: open items past a level's due moment
create index feedback_watch on feedback (specialist_due_at, leader_due_at) where status in ('ROUTED', 'ANSWERED');

create table feedback_photo (
    feedback_id bigint not null references feedback (id) on delete cascade,
    position    int    not null,
    file_id     uuid   not null,                                       -- documents.stored_file (no FK: documents owns it)
    primary key (feedback_id, position)
);

-- The item's history: every action, who, when, from which status to which.
create table feedback_event (
    id          bigint generated always as identity primary key,
    feedback_id bigint      not null references feedback (id) on delete cascade,
    at          timestamptz not null,
    action      text        not null,
    from_status text,
    to_status   text        not null,
    actor_id    bigint,
    actor_name  text        not null,
    note        text
);
create index feedback_event_item on feedback_event (feedback_id, id);
