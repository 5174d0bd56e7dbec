-- Integration (issue 14): checks of applicants against the national population database (CSDL quốc gia về dân cư).
-- Each check as made: what was asked, when, by whom, the answer. Keyed by dossier code when made for a dossier, by
-- account when a citizen asked for a pre-fill before filing (linked to the dossier when it is filed).
create table population_check (
    id            bigint generated always as identity primary key,
    dossier_code  text,
    account_id    bigint,
    id_number     text        not null,
    full_name     text,                                   -- as given by the applicant
    date_of_birth date,                                   -- as given by the applicant
    checked_at    timestamptz not null,
    checked_by    bigint,                                 -- the officer, or the citizen for a pre-fill
    checked_by_name text,
    source        text        not null,                   -- SIMULATED, HTTP, NONE
    result        text        not null check (result in ('MATCH', 'MISMATCH', 'NOT_FOUND', 'NOT_DONE')),
    mismatches    text[]      not null default '{}',      -- fullName, dateOfBirth
    answer        jsonb,                                  -- the registry's answer, kept only with the citizen's consent
    consent       boolean     not null default false,
    message       text                                    -- why not done
);
create index population_check_dossier on population_check (dossier_code, id) where dossier_code is not null;
create index population_check_account on population_check (account_id, checked_at desc) where account_id is not null;
