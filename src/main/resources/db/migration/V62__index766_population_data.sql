-- The 766 index counts real population-data use (issue 14, indicators 4.5a/4.5b, docs/INDEX766.md "Population data"):
-- a dossier filed by an account verified with VNeID at the time, or whose applicant the national population database
-- answered about. The index's own tables, kept from the identity module's identity.vneid-linked and the integration
-- module's population.checked events (rebuilt by the recount through IdentityFacts and PopulationFacts): the index
-- never reads vneid_identity or population_check.
create table index766_vneid_account (
    account_id  bigint      primary key,
    linked_at   timestamptz not null                  -- the account's VNeID link since (never undone)
);
create table index766_population_check (
    dossier_code text       primary key,              -- a dossier with at least one answered check (MATCH, MISMATCH)
    first_at     timestamptz not null
);
-- filed by an account verified with VNeID at the time (one reason of population_data, said by the drill-down)
alter table index766_dossier add column vneid_filed boolean not null default false;
-- a check names its dossier by code: the consumer finds the stored facts of a dossier checked later
create index index766_dossier_code on index766_dossier (code);
