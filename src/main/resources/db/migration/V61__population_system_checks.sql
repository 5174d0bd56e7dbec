-- Issue 14: a dossier filed online by an account verified with VNeID, for the person of that account, is checked
-- against the population database by the system (no officer needed). The check is made by a job, never in the
-- national sync (a registry away must not hold the portal's queue): what is due waits here until it is made.
create table population_check_due (
    dossier_code  text primary key,
    id_number     text        not null check (id_number ~ '^[0-9]{12}$'),
    account_id    bigint      not null,
    full_name     text check (full_name is null or length(full_name) <= 200),
    filed_at      timestamptz not null
);
