#!/usr/bin/env bash
# Times the collections report's two queries (docs/REPORTS.md "Payments") on N synthetic payment attempts of 2026
# in a scratch database of the local PostgreSQL (dropped first): bench/payment-report.sh [N, default 500000]
set -euo pipefail
N=${1:-500000}
DB=pay_bench_report
PSQL="psql -h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres} -v ON_ERROR_STOP=1 -q"
cd "$(dirname "$0")/.."
$PSQL -d postgres -c "drop database if exists $DB" -c "create database $DB"
sed -n '/create table payment_transaction/,/^);/p' src/main/resources/db/migration/V45__payment.sql | $PSQL -d $DB
$PSQL -d $DB -c "
insert into payment_transaction (id, reference, dossier_id, dossier_code, agency_code, procedure_code, procedure_name,
  gateway, method, amount, items, status, created_at, expires_at)
select gen_random_uuid(), 'MC' || g, g, 'H' || g, '70.' || (688 + g % 11) || '.' || (25000 + g % 120) || '.MC', '2.000635',
  'x', (array['VNPAY','PAYMENT_PLATFORM','CASH'])[1 + g % 3], case when g % 3 = 2 then 'CASH' else 'ONLINE' end,
  case when g % 5 = 0 then 860000 else 8000 end,
  case when g % 5 = 0 then '[{\"kind\":\"phi\",\"category\":\"PHI\",\"amount\":810000},{\"kind\":\"le_phi\",\"category\":\"LE_PHI\",\"amount\":50000}]'::jsonb
       else '[{\"kind\":\"phi\",\"category\":\"PHI\",\"amount\":8000}]'::jsonb end,
  (array['SUCCEEDED','SUCCEEDED','FAILED','EXPIRED','SUCCEEDED','REFUNDED'])[1 + g % 6],
  timestamptz '2026-01-01' + (g % 365) * interval '1 day' + (g % 86400) * interval '1 second', now()
from generate_series(1, $N) g; analyze payment_transaction;"
P="to_char(date_trunc('month', t.created_at at time zone 'Asia/Ho_Chi_Minh'), 'YYYY-MM')"
W="t.created_at >= '2025-12-31 17:00+00' and t.created_at < '2026-12-31 17:00+00'"
S="status in ('SUCCEEDED','REFUND_REQUESTED','REFUNDED')"
H="status in ('SUCCEEDED','REFUND_REQUESTED')"
for run in 1 2 3; do
  $PSQL -d $DB <<SQL | grep Time
\timing on
select $P, t.agency_code, t.gateway, count(*), count(*) filter (where $S), count(*) filter (where $H),
  coalesce(sum(amount) filter (where $H), 0), count(*) filter (where status = 'REFUNDED'),
  coalesce(sum(amount) filter (where status = 'REFUNDED'), 0)
from payment_transaction t where $W group by 1, 2, 3 \g /dev/null
select $P, t.agency_code, c.category, c.kind, count(*), count(*) filter (where $S), count(*) filter (where $H),
  coalesce(sum(c.amount) filter (where $H), 0)
from payment_transaction t cross join lateral (select e ->> 'category' as category, e ->> 'kind' as kind,
  sum((e ->> 'amount')::bigint) as amount from jsonb_array_elements(t.items) e group by 1, 2) c
where $W group by 1, 2, 3, 4 \g /dev/null
SQL
done
$PSQL -d postgres -c "drop database $DB"
