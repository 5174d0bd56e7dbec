-- Procedure administration (issue 11): versions valid from a date, the agencies that receive a procedure.
-- A version is the whole procedure row as it stands in that version (to_jsonb of the row): the row of table procedure
-- is the version in force; a version valid from a later date waits here until its date (ProcedureAdmin.promoteDue).
-- A dossier records the version it was filed under (dossier.procedure_version) and reads it back from here.
create table procedure_version (
    procedure_code text        not null references procedure (code),
    version        int         not null,
    valid_from     date        not null,
    content        jsonb       not null,
    created_at     timestamptz not null,
    created_by     text        not null,
    primary key (procedure_code, version)
);

-- The agencies an administrator assigned to receive the procedure; null: the procedure's patterns and levels.
-- An agency's own list (agency.procedures) still decides for that agency.
alter table procedure add column receiving_agencies text[];
