#!/usr/bin/env bash
# Benchmark 3 (issue 6): the Decision 766 index on province-scale data.
# Usage: bench/index766/run.sh [--smoke] [--dossiers N] [--years Y] [--keep]
#
# 1. loads N dossiers (default 12,500,000 = ten years of Bình Phước, 2022 volume each year) over the Y full
#    calendar years before this one into a fresh database with the application's own generator
#    (java -jar target/motcua.jar generate ..., docs/GENERATOR.md), timed;
# 2. starts the application on that database and measures, with many requests (wrk, BENCH_CONNS connections,
#    BENCH_DURATION seconds after BENCH_WARMUP), p50/p95/p99 of
#      GET /api/v1/index766?unit=<province|district|commune|agency>&period=<month|quarter|year>
#      GET /api/v1/index766/ranking?level=COMMUNE&period=...
#      GET /api/v1/index766/2.1/dossiers?unit=..&period=..&part=denominator
#    (goals: index p95 < 50 ms, ranking and drill-down p95 < 200 ms);
# 3. times the naive full-scan SQL of the same index (indicator 2.1 on time, province and per commune) over
#    the dossier table, for comparison.
# --smoke: 20,000 dossiers over one year, 3 s runs (keeps the script working; its numbers mean nothing).
# --keep:  keep the database (its name is printed) instead of dropping it.
# --db NAME: measure a database already loaded by the generator (a previous --keep run, or
#          `java -jar target/motcua.jar generate ...` by hand); nothing is loaded and the database is kept.
# Needs what bench/run.sh needs (JDK 21+, PostgreSQL at 127.0.0.1:5432 user postgres, curl, wrk).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
BENCH=$(cd "$HERE/.." && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
# shellcheck source=../lib/common.sh
source "$BENCH/lib/common.sh"

SMOKE=0
KEEP=0
EXISTING=""
DOSSIERS=""
YEARS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) SMOKE=1 ;;
    --keep) KEEP=1 ;;
    --db) EXISTING=$2; KEEP=1; shift ;;
    --db=*) EXISTING=${1#*=}; KEEP=1 ;;
    --dossiers) DOSSIERS=$2; shift ;;
    --dossiers=*) DOSSIERS=${1#*=} ;;
    --years) YEARS=$2; shift ;;
    --years=*) YEARS=${1#*=} ;;
    "") ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (usage: bench/index766/run.sh [--smoke] [--dossiers N] [--years Y] [--keep])" >&2; exit 2 ;;
  esac
  shift
done
CONNS=${BENCH_CONNS:-16}
if [ $SMOKE = 1 ]; then
  DOSSIERS=${DOSSIERS:-20000}; YEARS=${YEARS:-1}; DUR=${BENCH_DURATION:-3}; WARM=${BENCH_WARMUP:-2}
else
  DOSSIERS=${DOSSIERS:-12500000}; YEARS=${YEARS:-10}; DUR=${BENCH_DURATION:-30}; WARM=${BENCH_WARMUP:-10}
fi
THIS_YEAR=$(date -u +%Y)
FIRST_YEAR=$((THIS_YEAR - YEARS))
LAST_YEAR=$((THIS_YEAR - 1))
APP_JAR=${BENCH_APP_JAR:-$ROOT/target/motcua.jar}
INDEX_USER=${BENCH_INDEX_USER:-admin}
STAMP=$(date -u +%Y%m%d%H%M%S)
OUT=${BENCH_OUT:-$BENCH/results/$STAMP-index766}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/motcua-bench766.XXXXXX)
DB=${EXISTING:-"motcua_bench_${STAMP}_766"}

on_exit() {
  app_stop
  if [ $KEEP = 1 ]; then say "database kept: $DB"; else db_drop "$DB"; fi
  rm -rf "$WORK"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

pick_java
ensure_tools
if [ ! -f "$APP_JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  log "building the application"
  (cd "$ROOT" && run ./mvnw -q -B -DskipTests package)
fi
machine_info
say "mode:        $([ $SMOKE = 1 ] && echo smoke || echo full), $CONNS connections, ${DUR}s after ${WARM}s warm-up"
say "command:     bench/index766/run.sh $*"
say "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"

# ---------------------------------------------------------------------------------------------------------
if [ -z "$EXISTING" ]; then
  log "load: $(printf "%'d" "$DOSSIERS") dossiers received $FIRST_YEAR-01-01 .. $LAST_YEAR-12-31 (generator)"
  "${PSQL[@]}" -d postgres -c "create database \"$DB\"" >/dev/null
  say "\$ SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST_BENCH:$PGPORT_BENCH/$DB SPRING_PROFILES_ACTIVE=demo $JAVA -jar $APP_JAR generate --dossiers $DOSSIERS --from $FIRST_YEAR-01-01 --to $LAST_YEAR-12-31"
  t0=$(date +%s.%N)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST_BENCH:$PGPORT_BENCH/$DB" SPRING_DATASOURCE_USERNAME="$PGUSER_BENCH" \
    SPRING_PROFILES_ACTIVE=demo /usr/bin/time -f 'generator: %e s wall, %U s user, %S s system, max RSS %M KiB' \
    "$JAVA" -jar "$APP_JAR" generate --dossiers "$DOSSIERS" --from "$FIRST_YEAR-01-01" --to "$LAST_YEAR-12-31" \
    2>&1 | grep -v -E '^\S+T\S+ +(INFO|WARN)' | tee "$OUT/b3-generate.txt"
  LOAD_S=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
  say "load (JVM start, generation, COPY, index recount) took $LOAD_S s"
else
  say "database:    $DB (loaded before; not loaded or dropped by this run)"
  DOSSIERS=$("${PSQL[@]}" -d "$DB" -Atc "select count(*) from dossier")
  LOAD_S="(loaded before)"
fi
log "data size"
"${PSQL[@]}" -d "$DB" -c "
  select (select count(*) from dossier) as dossiers, (select count(*) from dossier_history) as history_rows,
         (select count(*) from dossier_supplement) as supplements,
         pg_size_pretty(pg_total_relation_size('dossier')) as dossier_size,
         pg_size_pretty(pg_total_relation_size('dossier_history')) as history_size,
         pg_size_pretty(pg_database_size(current_database())) as database_size" | tee "$OUT/b3-size.txt"

# ---------------------------------------------------------------------------------------------------------
log "naive full scan of the same index over the dossier table (indicator 2.1, year $LAST_YEAR)"
naive() { # label sql: best of three, in ms
  local best="" t
  for _ in 1 2 3; do
    t=$("${PSQL[@]}" -d "$DB" -c '\timing on' -c "$2" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | tail -1)
    if [ -z "$best" ] || lt "$t" "$best"; then best=$t; fi
  done
  say "$1: best of 3 = $best ms" >&2
  echo "$best"
}
Y0="$LAST_YEAR-01-01"; Y1="$THIS_YEAR-01-01"
NAIVE_PROVINCE=$(naive "province, one year" "
  select count(*) filter (where outcome in ('EARLY','ON_TIME')) as on_time, count(*) as finished
  from dossier where received_at is not null and finished_at >= '$Y0' and finished_at < '$Y1'")
NAIVE_RANKING=$(naive "ranking of the communes, one year" "
  select commune_code, count(*) filter (where outcome in ('EARLY','ON_TIME'))::numeric / count(*) as ratio
  from dossier where level = 'COMMUNE' and received_at is not null and finished_at >= '$Y0' and finished_at < '$Y1'
  group by commune_code order by ratio desc")

# ---------------------------------------------------------------------------------------------------------
log "the index API"
app_start "$DB" 18766 "$OUT/b3-app.log"
TOKEN=$(token "$INDEX_USER" || true)
PROVINCE=$("${PSQL[@]}" -d "$DB" -Atc "select code from admin_unit where level = 'PROVINCE' limit 1")
status=$(curl -s -o "$WORK/probe.json" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" \
  "$APP_URL/api/v1/index766?unit=$PROVINCE&period=$LAST_YEAR")
if [ "$status" = 404 ] || [ "$status" = 405 ]; then
  say "GET /api/v1/index766 answers $status: the index API is not in this build; load and naive figures only"
  printf 'ROW\t3 the 766 index, %s dossiers\t%s\tnaive %s ms\t-\tp95 < 50 ms\t-\n' "$DOSSIERS" "API not in this build" "$NAIVE_PROVINCE"
  exit 0
fi
say "probe: HTTP $status, $(head -c 300 "$WORK/probe.json")"

# URL lists: every unit level and the agencies, every period kind of the last year
PERIODS=("$LAST_YEAR")
for q in 1 2 3 4; do PERIODS+=("$LAST_YEAR-Q$q"); done
for m in 01 02 03 04 05 06 07 08 09 10 11 12; do PERIODS+=("$LAST_YEAR-$m"); done
"${PSQL[@]}" -d "$DB" -Atc "
  (select code from admin_unit where level = 'PROVINCE') union all
  (select code from admin_unit where level = 'DISTRICT') union all
  (select code from admin_unit where level = 'COMMUNE') union all
  (select code from agency where active order by code limit 60)" >"$WORK/units"
: >"$WORK/paths-index"; : >"$WORK/paths-ranking"; : >"$WORK/paths-drill"
while read -r u; do
  for p in "${PERIODS[@]}"; do
    echo "/api/v1/index766?unit=$u&period=$p" >>"$WORK/paths-index"
    echo "/api/v1/index766/2.1/dossiers?unit=$u&period=$p&part=denominator" >>"$WORK/paths-drill"
  done
done <"$WORK/units"
for p in "${PERIODS[@]}"; do echo "/api/v1/index766/ranking?level=COMMUNE&period=$p" >>"$WORK/paths-ranking"; done
shuf --random-source=<(yes) "$WORK/paths-index" -o "$WORK/paths-index"
shuf --random-source=<(yes) "$WORK/paths-drill" -o "$WORK/paths-drill"

declare -A P95
for kind in index ranking drill; do
  say "-- $kind: $(wc -l <"$WORK/paths-$kind") distinct URLs, e.g. $(head -1 "$WORK/paths-$kind")"
  BENCH_TOKEN="$TOKEN" BENCH_PATHS="$WORK/paths-$kind" wrk -t2 -c"$CONNS" -d"${WARM}s" --timeout 10s \
    -s "$BENCH/lua/get.lua" "$APP_URL" | grep '^RESULT' | sed 's/^/warm-up: /' || true
  BENCH_TOKEN="$TOKEN" BENCH_PATHS="$WORK/paths-$kind" run wrk -t2 -c"$CONNS" -d"${DUR}s" --timeout 10s \
    -s "$BENCH/lua/get.lua" "$APP_URL" | tee "$OUT/b3-$kind.txt"
  P95[$kind]=$(value p95_ms "$OUT/b3-$kind.txt")
done
load_now

log "summary"
say "load:     $(printf "%'d" "$DOSSIERS") dossiers in $LOAD_S s"
say "index:    p95 ${P95[index]} ms (goal 50 ms)   ranking: p95 ${P95[ranking]} ms (goal 200 ms)   drill-down: p95 ${P95[drill]} ms (goal 200 ms)"
say "naive:    province year $NAIVE_PROVINCE ms, commune ranking $NAIVE_RANKING ms (full scan of dossier)"
met=no
if lt "${P95[index]}" 50 && lt "${P95[ranking]}" 200 && lt "${P95[drill]}" 200; then met=yes; fi
printf 'ROW\t3 the 766 index, %s dossiers\tp95 %s ms (ranking %s, drill-down %s)\tnaive %s ms\t%s\tp95 < 50 / 200 / 200 ms\t%s\n' \
  "$DOSSIERS" "${P95[index]}" "${P95[ranking]}" "${P95[drill]}" "$NAIVE_PROVINCE" \
  "$(ratio "$NAIVE_PROVINCE" "${P95[index]}")" "$met"
