-- Integration (issue 14): synchronisation with the national portal, one row per dossier change, delivered in order
-- per dossier. Replaces national_sync (one row per dossier, which lost the intermediate changes).

-- Each change of a dossier, queued once (the outbox event id is unique), with the record and the process history
-- lines to send. A change the portal refuses becomes DEAD and holds the dossier's later changes until resent.
create table national_sync_change (
    id             bigint generated always as identity primary key,
    dossier_code   text        not null,
    event_id       bigint unique,                        -- the outbox event (null for rows moved from national_sync)
    action         text,
    national_status int        not null,
    payload        jsonb       not null,                 -- the dossier record (URLThemMoi / URLCapNhat)
    history        jsonb       not null default '[]',    -- TienTrinh lines (URLDongBoTienTrinh), sent ≤ 10 per call
    status         text        not null check (status in ('PENDING', 'SENT', 'DEAD', 'SKIPPED')),
    record_sent    boolean     not null default false,   -- the record was accepted (only history lines left)
    history_sent   int         not null default 0,       -- history lines accepted so far
    attempts       int         not null default 0,       -- failed attempts since queued or resent
    refusals       int         not null default 0,       -- of which the portal answered with an error code
    next_attempt   timestamptz not null,
    last_error     text,
    answer         text,                                 -- the portal's last message
    created_at     timestamptz not null,
    sent_at        timestamptz
);
create index national_sync_change_open on national_sync_change (dossier_code, id) where status in ('PENDING', 'DEAD');
create index national_sync_change_due on national_sync_change (next_attempt) where status = 'PENDING';
create index national_sync_change_dossier on national_sync_change (dossier_code, id);

-- What the portal knows of each dossier.
create table national_sync_dossier (
    dossier_code      text primary key,
    created_remote    boolean     not null default false, -- the portal knows it: the next records are updates
    acknowledged_status int,                              -- TrangThaiHoSo of the last change the portal accepted
    first_acknowledged_at timestamptz,
    last_acknowledged_at  timestamptz
);

insert into national_sync_dossier (dossier_code, created_remote, first_acknowledged_at, last_acknowledged_at)
select dossier_code, created_remote, sent_at, sent_at from national_sync;

insert into national_sync_change (dossier_code, national_status, payload, status, attempts, next_attempt, last_error,
                                  created_at, sent_at)
select dossier_code, coalesce((payload ->> 'TrangThaiHoSo')::int, 0), payload,
       case status when 'FAILED' then 'DEAD' else status end, attempts, next_attempt, last_error, changed_at, sent_at
from national_sync;

drop table national_sync;
