-- VNeID login (issue 14, docs/VNEID.md): the national electronic identity linked to an account. The personal
-- identification number (SoDinhDanh) is the key: one VNeID identity per number, one per account.
-- CREATED: the first VNeID log-in made the account; MERGED: the person linked an existing local account after
-- confirming with its password. The claims kept are the ones the profile is filled from (typed columns, no blob).
create table vneid_identity (
    account_id       bigint primary key references account (id) on delete cascade,
    id_number        text        not null unique check (id_number ~ '^[0-9]{12}$'),
    subject          text        not null check (length(subject) between 1 and 200),
    -- level of assurance of the last log-in: 1 or 2 (Decree 69/2024 mức độ), 0 when the IdP did not say
    assurance_level  smallint    not null check (assurance_level between 0 and 2),
    acr              text check (acr is null or length(acr) <= 200),
    account_type     text check (account_type is null or length(account_type) <= 20),
    full_name        text        not null check (length(full_name) between 1 and 200),
    date_of_birth    date,
    gender           text check (gender is null or length(gender) <= 20),
    linked_how       text        not null check (linked_how in ('CREATED', 'MERGED')),
    linked_at        timestamptz not null,
    last_login_at    timestamptz not null,
    version          int         not null default 0
);
create index vneid_identity_subject on vneid_identity (subject);
