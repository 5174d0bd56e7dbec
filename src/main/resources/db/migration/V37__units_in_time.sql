-- Units with effective dates and reorganisations (issue 11). A GSO code can be reused by a unit formed later
-- (1 July 2025: the new "Phường Bình Phước" keeps code 25195 of "Phường Tân Phú"), so a unit in time is
-- (code, valid_from). admin_unit stays the directory the data references (one row per code).
create table unit_period (
    id          bigint generated always as identity primary key,
    code        text not null,
    valid_from  date,                       -- null: in force since before the records
    valid_to    date,                       -- null: in force today
    name        text not null,
    name_en     text,
    short_name  text,
    type        text,
    level       text not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    parent_code text,
    check (valid_to is null or valid_from is null or valid_from <= valid_to)
);
create unique index unit_period_code_from on unit_period (code, coalesce(valid_from, '-infinity'::date));
create index unit_period_parent on unit_period (parent_code);

-- A reorganisation entered once: its legal basis and date, which units became which, and which agency succeeds which.
create table reorganisation (
    id             bigint generated always as identity primary key,
    code           text        not null unique,
    title          text        not null,
    legal_basis    text        not null,
    effective_date date        not null,
    status         text        not null default 'PENDING' check (status in ('PENDING', 'APPLIED')),
    applied_at     timestamptz,
    applied_by     text,
    handed_over    int         not null default 0,
    version        int         not null default 0,
    created_at     timestamptz not null default now()
);

create table reorganisation_unit (
    reorganisation_id bigint not null references reorganisation (id) on delete cascade,
    from_code         text   not null,
    to_code           text   not null,
    primary key (reorganisation_id, from_code, to_code)
);

create table reorganisation_agency (
    reorganisation_id bigint not null references reorganisation (id) on delete cascade,
    from_code         text   not null references agency (code),
    to_code           text   not null references agency (code),
    primary key (reorganisation_id, from_code)
);
