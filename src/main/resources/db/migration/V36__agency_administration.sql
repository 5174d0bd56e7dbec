-- Administration of agencies (issue 11): effective dates, a successor when closed, address and contact, an office-hours
-- override, an explicit list of procedures received (null: the catalogue's rule), optimistic locking, and the
-- electronic identifiers an agency had before (dossier codes already issued keep theirs).
alter table agency add column version int not null default 0;
alter table agency add column valid_from date;
alter table agency add column valid_to date;
alter table agency add column successor_code text references agency (code);
alter table agency add column address text;
alter table agency add column phone text;
alter table agency add column email text;
alter table agency add column office_hours text[];
alter table agency add column procedures text[];
alter table agency add column previous_electronic_ids text[] not null default '{}';
alter table agency add column updated_at timestamptz;
alter table agency add constraint agency_valid_dates check (valid_to is null or valid_from is null or valid_from <= valid_to);
