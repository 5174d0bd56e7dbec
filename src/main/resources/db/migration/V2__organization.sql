-- Organization: administrative units and agencies.
create table admin_unit (
    code        text primary key,
    name        text not null,
    name_en     text,
    short_name  text,
    type        text,
    level       text not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    parent_code text references admin_unit (code),
    name_folded text not null
);
create index admin_unit_parent on admin_unit (parent_code);

create table agency (
    code          text primary key,
    name          text not null,
    name_en       text,
    unit_code     text not null references admin_unit (code),
    level         text not null check (level in ('PROVINCE', 'DISTRICT', 'COMMUNE')),
    kind          text not null,
    parent_code   text,
    electronic_id text not null unique,
    handles_fields text[] not null default '{}',
    notes         text,
    active        boolean not null default true
);
create index agency_unit on agency (unit_code);
