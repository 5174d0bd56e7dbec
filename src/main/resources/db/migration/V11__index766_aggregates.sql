-- Index 766: what the live index needs on top of V10 (facts), and the month-grained aggregates that make any
-- unit's index a handful of rows (docs/INDEX766.md "Aggregates").

alter table index766_dossier
    add column original_due_at   timestamptz,   -- NgayHenTra before any apology (motcua.index766.due-basis=ORIGINAL)
    add column clock_stopped_at  timestamptz,   -- waiting for the applicant (supplement, payment): 2.1 is judged at this moment
    add column applicant_account boolean not null default false;

-- the drill-down lists dossiers that ended in a period, per unit, newest first
create index index766_dossier_agency_end on index766_dossier (agency_code, end_at);
create index index766_dossier_district_end on index766_dossier (district_code, end_at);
create index index766_dossier_commune_end on index766_dossier (commune_code, end_at);
create index index766_dossier_province_end on index766_dossier (province_code, end_at);
-- dossiers still open, evaluated live against now
create index index766_dossier_open_district on index766_dossier (district_code) where end_at is null;
create index index766_dossier_open_commune on index766_dossier (commune_code) where end_at is null;
create index index766_dossier_open_province on index766_dossier (province_code) where end_at is null;

-- One row per (month, basis, unit, procedure): the sum of the contributions of the dossiers.
--   basis R = received in the month, F = ended in the month, O = still open at the month's end (closed months only);
--   unit_code = an agency, commune, district or province code, or '<unit>#<LEVEL>' (dossiers of one level below a unit);
--   procedure_code = '' for all procedures of the unit.
create table index766_agg (
    month             date   not null,
    basis             char(1) not null check (basis in ('R', 'F', 'O')),
    unit_code         text   not null,
    procedure_code    text   not null,
    n                 bigint not null default 0,  -- dossiers
    online            bigint not null default 0,  -- submitted online (3.3)
    early             bigint not null default 0,  -- F: early; O: -
    on_time           bigint not null default 0,  -- F: on time (not early); O: still within time at the month's end
    late              bigint not null default 0,  -- F: late; O: overdue at the month's end
    minutes           bigint not null default 0,  -- F: minutes from receipt to result (2.2)
    fee_bearing       bigint not null default 0,  -- R: fee > 0 (3.6)
    paid_online       bigint not null default 0,  -- R: paid online (3.6, 3.5b)
    with_result       bigint not null default 0,  -- F: ended with a result (4.1, 4.2, 2.2)
    electronic_result bigint not null default 0,  -- F: with an electronic result file (4.1)
    digitised         bigint not null default 0,  -- F: electronic inputs and result (4.2)
    population        bigint not null default 0,  -- R: identified applicant (4.5b proxy)
    unsatisfied       bigint not null default 0,  -- F: rated UNSATISFIED (5.4)
    bad54             bigint not null default 0,  -- F, O: late or unsatisfied (5.4)
    rated             bigint not null default 0,  -- F: rated at all
    primary key (unit_code, procedure_code, basis, month)
);
-- per-procedure rows of a unit for a period (3.2, 3.5b)
create index index766_agg_procedures on index766_agg (unit_code, basis, month) where procedure_code <> '';

-- The last month whose O rows are written ("closed"); later months' open dossiers are evaluated live.
create table index766_state (
    id             int  primary key check (id = 1),
    closed_through date,
    recounted_at   timestamptz
);
insert into index766_state (id, closed_through) values (1, null);
