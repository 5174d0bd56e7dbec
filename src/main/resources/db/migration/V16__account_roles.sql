-- The roles of every module in one constraint (platform.Role): agency administrators, accountants,
-- certifiers and monitoring accounts join citizens, one-stop officers and the province administrator.
alter table account_role drop constraint if exists account_role_role_check;
alter table account_role add constraint account_role_role_check
    check (role in ('CITIZEN', 'RECEPTION', 'SPECIALIST', 'LEADER', 'ADMIN',
                    'AGENCY_ADMIN', 'ACCOUNTANT', 'CERTIFIER', 'MONITORING'));
