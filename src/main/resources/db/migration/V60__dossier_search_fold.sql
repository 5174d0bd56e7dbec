-- issue 18 (ux): forgiving officer search. motcua_fold folds Vietnamese text the way platform.text.TextNormalizer
-- does in Java (lower case, no diacritics, đ → d, anything not a letter or digit → one space), so that
-- "nguyen van an" finds "Nguyễn Văn An". Immutable (the unaccent dictionary is named, the search path fixed at
-- creation) so that it can back an expression index.
create or replace function motcua_fold(t text) returns text
    language sql immutable strict parallel safe
    set search_path from current
as $$
    select trim(regexp_replace(lower(unaccent('unaccent'::regdictionary, normalize(t, NFC))), '[^a-z0-9]+', ' ', 'g'))
$$;

-- name without diacritics, anywhere in the name; partial dossier code, anywhere in the code
create index dossier_applicant_name_fold on dossier using gin (motcua_fold(applicant_name) gin_trgm_ops);
create index dossier_code_trgm on dossier using gin (code gin_trgm_ops);
