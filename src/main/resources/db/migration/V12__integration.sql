-- Integration: synchronisation of dossiers with the national public service portal (Cổng DVCQG).
-- One row per dossier: the newest snapshot to send; the sender marks what the portal accepted.
create table national_sync (
    dossier_code   text primary key,
    payload        jsonb       not null,
    status         text        not null check (status in ('PENDING', 'SENT', 'FAILED', 'SKIPPED')),
    created_remote boolean     not null default false,   -- the portal knows the dossier (next sends are updates)
    attempts       int         not null default 0,
    last_error     text,
    next_attempt   timestamptz not null default now(),
    changed_at     timestamptz not null default now(),
    sent_at        timestamptz
);
create index national_sync_due on national_sync (next_attempt) where status = 'PENDING';
