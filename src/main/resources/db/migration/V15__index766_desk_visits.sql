-- index766: walk-ins guided (form 02) or refused (form 03) at a counter without a dossier (issue 10), from the
-- dossier module's dossier.desk-visit events, counted in GET /api/v1/stats/dossiers.
create table index766_desk_visit (
    id             bigint primary key,   -- the dossier module's desk log line
    form           text        not null, -- GUIDANCE (form 02) or REFUSAL (form 03)
    procedure_code text        not null,
    procedure_name text        not null,
    agency_code    text        not null,
    province_code  text        not null,
    district_code  text,
    commune_code   text,
    level          text        not null,
    at             timestamptz not null
);
create index index766_desk_visit_province on index766_desk_visit (province_code, at);
create index index766_desk_visit_district on index766_desk_visit (district_code, at);
create index index766_desk_visit_commune on index766_desk_visit (commune_code, at);
create index index766_desk_visit_agency on index766_desk_visit (agency_code, at);
