-- The officer's position (chức vụ), printed under the signature of the documents they sign, e.g. "Phó Chủ tịch".
alter table account add column position text check (position is null or length(position) between 1 and 100);

-- The demo leaders sign results of their People's Committee or department (issue 18: a signature block with a title).
update account set position = 'Phó Chủ tịch'
 where demo and username in ('lanhdao.tanphu', 'lanhdao.tienhung', 'lanhdao.dongxoai');
update account set position = 'Phó Giám đốc' where demo and username = 'lanhdao.sotuphap';
