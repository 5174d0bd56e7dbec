-- What the procedure page tells a citizen besides the rules (issue 18), as the national portal shows it:
-- {"steps": [...], "eligibility": [...], "conditions": [...]} (trình tự thực hiện, đối tượng thực hiện, yêu cầu,
-- điều kiện). Text only: fees, time, components and the form stay in their own columns, where the rules read them.
alter table procedure add column guide jsonb not null default '{}'::jsonb
    check (jsonb_typeof(guide) = 'object');
