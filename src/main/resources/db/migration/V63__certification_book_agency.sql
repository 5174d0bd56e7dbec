-- issue 11: a certification request handed over to the successor agency by a reorganisation (docs/REORGANISATION.md)
-- keeps the number it took from its own agency's register; the number is unique in the book that gave it, so the
-- book's agency is recorded apart from the agency that now handles the request
alter table certification_request add column book_agency_code text;
update certification_request set book_agency_code = agency_code where certification_number is not null;
do $$
declare
    c text;
begin
    select conname into c from pg_constraint
    where conrelid = 'certification_request'::regclass and contype = 'u' and array_length(conkey, 1) = 4;
    if c is not null then
        execute format('alter table certification_request drop constraint %I', c);
    end if;
end $$;
alter table certification_request add constraint certification_request_book_number
    unique (book_agency_code, book_year, book_number, certification_number);
