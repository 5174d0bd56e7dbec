-- issue 11: every administrative change in the one audit log — the electronic processes (workflow) and the
-- holiday schedules of the working calendar join accounts, agencies, procedures, reorganisations and units
alter table admin_audit drop constraint admin_audit_subject_check;
alter table admin_audit add constraint admin_audit_subject_check
    check (subject in ('ACCOUNT', 'AGENCY', 'PROCEDURE', 'REORGANISATION', 'UNIT', 'PROCESS', 'CALENDAR'));
