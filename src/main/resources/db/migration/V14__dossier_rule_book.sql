-- Dossier core as one rule book (issue 10).
-- Facts the rules need, kept on the row so that a decision costs no extra query.
alter table dossier add column reception_supplement_count int not null default 0; -- guide once, completely
alter table dossier add column processing_since timestamptz;                     -- the 3-working-day window
alter table dossier add column result_files int not null default 0;             -- result documents attached
alter table dossier add column fee_quote jsonb;                                  -- {total, items, complete}

update dossier d set reception_supplement_count = s.n
from (select dossier_id, count(*) as n from dossier_supplement where stage = 'RECEPTION' group by dossier_id) s
where d.id = s.dossier_id and d.status in ('SUBMITTED', 'SUPPLEMENT_REQUESTED');
update dossier d set processing_since = h.at
from (select dossier_id, max(at) as at from dossier_history
      where (action = 'FORWARD' and from_status = 'RECEIVED') or (action = 'SUPPLY' and to_status = 'PROCESSING')
      group by dossier_id) h
where d.id = h.dossier_id and d.status in ('PROCESSING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT');
update dossier d set result_files = a.n
from (select dossier_id, count(*) as n from dossier_attachment where kind = 'RESULT' group by dossier_id) a
where d.id = a.dossier_id;

-- A written withdrawal request brought to the counter is scanned and kept with the dossier.
alter table dossier_attachment drop constraint dossier_attachment_kind_check;
alter table dossier_attachment add constraint dossier_attachment_kind_check
    check (kind in ('INPUT', 'SUPPLEMENT', 'RESULT', 'NOTICE', 'WITHDRAWAL'));

-- The desk log (sổ theo dõi tại bộ phận một cửa): walk-ins whose papers were incomplete, guided with form 02 or
-- refused with form 03 at the counter. No dossier is created and no dossier number is used.
create table dossier_desk_visit (
    id                  bigint generated always as identity primary key,
    form                text        not null check (form in ('GUIDANCE', 'REFUSAL')),
    procedure_code      text        not null,
    procedure_name      text        not null,
    agency_code         text        not null,
    province_code       text        not null,
    district_code       text,
    commune_code        text,
    level               text        not null,
    applicant_name      text        not null,
    applicant_id_number text,
    applicant_phone     text,
    reason              text,
    items               jsonb       not null default '[]',
    officer_id          bigint      not null,
    officer_name        text        not null,
    origin              text,
    at                  timestamptz not null
);
create index dossier_desk_visit_agency on dossier_desk_visit (agency_code, at);
