-- Catalog: the fee schedule is structured (issue 10). Each row of procedure.fees may carry its basis (PER_DOSSIER,
-- PER_COPY, PER_PERSON, PER_PAGE), tiers, a cap per copy and the structured condition it applies under ("when");
-- the options below say where the quantities are in the eForm, the registration days of an on-time registration
-- and the cases (variants) the schedule distinguishes. Rows without structure stay flat rows that always apply.
alter table procedure add column fee_options jsonb not null default '{}';
