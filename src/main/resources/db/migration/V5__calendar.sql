-- Calendar: holiday schedules announced each year, their days, the audit of every edit, and the version that
-- tells every node when to recompute its cached calendar (see vn.motcua.calendar.internal.CalendarService).

-- One announced schedule (lịch nghỉ) per year and holiday group; it replaces the default rule of that group.
create table calendar_schedule (
    id          bigint generated always as identity primary key,
    year        int         not null check (year between 1800 and 2199),
    holiday     text        not null check (holiday in ('NEW_YEAR', 'TET', 'HUNG_KINGS', 'REUNIFICATION_LABOUR',
                                                        'NATIONAL_DAY')),
    name        text        not null,
    name_en     text,
    source      text        not null,
    confidence  text        not null default 'confirmed'
                            check (confidence in ('confirmed', 'high', 'medium', 'unconfirmed')),
    note        text,
    created_by  text        not null,
    created_at  timestamptz not null default now(),
    updated_by  text        not null,
    updated_at  timestamptz not null default now(),
    unique (year, holiday)
);

-- Its days: weekdays off, compensatory days, and swapped working days (làm bù) with their names.
create table calendar_schedule_day (
    schedule_id bigint not null references calendar_schedule (id) on delete cascade,
    day         date   not null,
    kind        text   not null check (kind in ('DAY_OFF', 'COMPENSATORY', 'SWAPPED_WORKDAY')),
    name        text,
    primary key (schedule_id, day)
);
create index calendar_schedule_day_day on calendar_schedule_day (day);

-- Who changed what, when: one row per edit, with the schedule before and after and the days whose status changed.
create table calendar_audit (
    id          bigint generated always as identity primary key,
    at          timestamptz not null default now(),
    actor       text        not null,
    actor_name  text,
    origin      text,
    action      text        not null check (action in ('CREATE', 'REPLACE', 'DELETE')),
    year        int         not null,
    holiday     text        not null,
    changed_from date,
    changed_to   date,
    diff        jsonb       not null
);
create index calendar_audit_year on calendar_audit (year, at desc);

-- A single row, bumped in the same transaction as every edit.
create table calendar_version (
    id         boolean     primary key default true check (id),
    version    bigint      not null,
    changed_at timestamptz not null default now()
);
insert into calendar_version (id, version) values (true, 0);
