-- Catalog: fields (lĩnh vực) and administrative procedures (thủ tục hành chính).
create table procedure_field (
    code        text primary key,
    name        text not null,
    name_en     text,
    name_folded text not null
);

create table procedure (
    code                text primary key,                -- local, URL-safe code (the national code when known)
    national_code       text,                            -- mã TTHC in the national database, when confirmed
    code_status         text,
    name                text        not null,
    name_en             text,
    field_code          text        not null references procedure_field (code),
    levels              text[]      not null,            -- PROVINCE / DISTRICT / COMMUNE
    agency_patterns     text[]      not null default '{}',
    implementing_agency text,
    time_amount         numeric(8, 2),                   -- null: statutory time not confirmed (đang cập nhật)
    time_unit           text check (time_unit in ('WORKING_DAYS', 'WORKING_HOURS', 'DAYS', 'SAME_DAY')),
    time_text           text,
    fees                jsonb       not null default '[]',
    components          jsonb       not null default '[]',
    result              text,
    result_en           text,
    online_level        text check (online_level in ('FULL', 'PARTIAL')),
    legal_basis         jsonb       not null default '[]',
    form_schema         jsonb       not null,
    notes               text,
    essential_rank      int,                             -- rank among the essential services (Đề án 06); null if not one
    popularity          bigint      not null default 0,
    active              boolean     not null default true,
    name_folded         text        not null,
    name_words          text[]      not null,
    all_words           text[]      not null,
    version             int         not null default 1,
    updated_at          timestamptz not null default now()
);
create index procedure_all_words on procedure using gin (all_words);
create index procedure_field_code on procedure (field_code);
create index procedure_popularity on procedure (popularity desc);
