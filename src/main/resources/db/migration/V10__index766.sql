-- Index 766 (Decision 766/QĐ-TTg) and reports: the index module's own copy of each dossier, kept from the
-- outbox (dossier.changed snapshots) and by the recount command. Nothing here is read by other modules.

-- One row per dossier: the facts the indicators and reports need, in the 766 vocabulary.
create table index766_dossier (
    dossier_id        bigint      primary key,
    code              text        not null,
    procedure_code    text        not null,
    procedure_name    text        not null,
    agency_code       text        not null,               -- receiving agency
    province_code     text        not null,
    district_code     text,
    commune_code      text,
    level             text        not null,               -- PROVINCE / DISTRICT / COMMUNE
    channel           text        not null,               -- COUNTER / ONLINE / POSTAL (KenhThucHien)
    status            text        not null,
    received_at       timestamptz,                         -- NgayTiepNhan; null while only submitted
    due_at            timestamptz,                         -- NgayHenTra in force
    end_at            timestamptz,                         -- NgayKetThucXuLy: first terminal status (DOMAIN §2.6)
    end_kind          text,                                -- FINISHED / RETURNED / REJECTED / WITHDRAWN
    returned_at       timestamptz,
    outcome           text,                                -- EARLY / ON_TIME / LATE once ended
    supplement_count  int         not null default 0,
    waiting_supplement_since timestamptz,                  -- waiting for the applicant after a supplement request
    apology_count     int         not null default 0,
    late_flag         boolean     not null default false,  -- late whatever the dates (2+ supplements)
    electronic_result boolean     not null default false,  -- result issued as a signed electronic file (4.1)
    digitised         boolean     not null default false,  -- inputs and result digitised (4.2)
    reused_data       boolean     not null default false,  -- a component reused from digitised data (4.3)
    wallet_linked     boolean     not null default false,  -- a component from / result to the data wallet (4.4)
    population_data   boolean     not null default false,  -- applicant verified with population data (4.5b)
    fee_bearing       boolean     not null default false,  -- the procedure asks a fee (3.6 denominator)
    paid_online       boolean     not null default false,  -- paid through an online gateway (3.6)
    rating            text,                                -- SATISFIED / NEUTRAL / UNSATISFIED
    synced            boolean     not null default false,  -- known to the national portal (1.4)
    updated_at        timestamptz not null default now()
);
create index index766_dossier_received on index766_dossier (received_at);
create index index766_dossier_agency_received on index766_dossier (agency_code, received_at);
create index index766_dossier_district_received on index766_dossier (district_code, received_at);
create index index766_dossier_commune_received on index766_dossier (commune_code, received_at);
create index index766_dossier_end on index766_dossier (end_at);
create index index766_dossier_open on index766_dossier (agency_code, due_at) where end_at is null;
