#!/usr/bin/env bash
# MotCua benchmarks (issue 7). Usage: bench/run.sh [1|2|3|4|5|6|all ...] [--smoke]
#
#   1  counter intake over HTTP          vs pgbench tpcb-like, same PostgreSQL, same connection count
#   2  default-process transitions/s     vs Flowable 8 (4 user tasks, history audit), same PostgreSQL
#   3  the 766 index                     (bench/index766/run.sh, when it exists)
#   4  catalogue search, 2,025 procedures, 32 connections (p99 goal 20 ms)
#   5  public tracking API/page and procedure page, 64 connections (p99 goal 50 ms)
#   6  memory under benchmark 1's load (RSS goal 512 MiB) and start-up of the embedded default (goal 10 s)
#
# --smoke: a few seconds each on tiny data (CI keeps the scripts working; its numbers mean nothing).
# Needs: a JDK 21+ (JAVA_HOME), PostgreSQL at 127.0.0.1:5432 (user postgres, trust), curl; installs Debian's
# wrk if missing. Every database it creates is dropped at the end; loads go to 127.0.0.1 only; every loop is
# bounded in time and count. Options through the environment: BENCH_CONNS (16), BENCH_DURATION (30 s),
# BENCH_WARMUP (10 s), BENCH_JFR=1 (record a JFR profile of the application in 1, 2 and 4 and summarise it),
# BENCH_JAVA_OPTS (JVM options for the application, none by default), BENCH_OUT (results folder).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
# shellcheck source=lib/common.sh
source "$HERE/lib/common.sh"

SMOKE=0
WHICH=()
for a in "$@"; do
  case "$a" in
    --smoke) SMOKE=1 ;;
    all) WHICH+=(1 2 3 4 5 6) ;;
    [1-6]) WHICH+=("$a") ;;
    -h | --help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument: $a (usage: bench/run.sh [1..6|all] [--smoke])" >&2; exit 2 ;;
  esac
done
[ ${#WHICH[@]} -gt 0 ] || WHICH=(1 2 3 4 5 6)

CONNS=${BENCH_CONNS:-16}
if [ $SMOKE = 1 ]; then
  DUR=${BENCH_DURATION:-3}; WARM=${BENCH_WARMUP:-2}; PGSCALE=1
  FILES1=${BENCH_FILES1:-600}; DOSSIERS2=${BENCH_DOSSIERS2:-150}; TRACKED=20
else
  DUR=${BENCH_DURATION:-30}; WARM=${BENCH_WARMUP:-10}; PGSCALE=10
  FILES1=${BENCH_FILES1:-10000}; DOSSIERS2=${BENCH_DOSSIERS2:-3000}; TRACKED=500
fi
read -r -a JAVA_OPTS <<<"${BENCH_JAVA_OPTS:-}"

STAMP=$(date -u +%Y%m%d%H%M%S)
OUT=${BENCH_OUT:-$HERE/results/$STAMP}
mkdir -p "$OUT"
WORK=$(mktemp -d /tmp/motcua-bench.XXXXXX)
SUMMARY="$OUT/summary.tsv"
: >"$SUMMARY"
APP_JAR=${BENCH_APP_JAR:-$ROOT/target/motcua.jar}
FLOWABLE_DIR="$HERE/flowable"
EMBEDDED_PID=""

on_exit() {
  cleanup
  if [ -n "$EMBEDDED_PID" ]; then kill -TERM "$EMBEDDED_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

exec > >(tee -a "$OUT/run.log") 2>&1
pick_java
ensure_tools
if [ ! -f "$APP_JAR" ] || [ -n "${BENCH_REBUILD:-}" ]; then
  log "building the application"
  (cd "$ROOT" && run ./mvnw -q -B -DskipTests package)
fi
make_pdf "$WORK/a.pdf"

{
  machine_info
  say "mode:        $([ $SMOKE = 1 ] && echo smoke || echo full), connections $CONNS, duration ${DUR}s after ${WARM}s warm-up"
  say "command:     bench/run.sh $*"
  say "commit:      $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
} | tee "$OUT/machine.txt"

# Starts a fresh application on a fresh database; tokens of the three Tân Phú officers.
fresh_app() { # $1 name
  APP_DB="motcua_bench_${STAMP}_$1"
  db_create "$APP_DB"
  app_start "$APP_DB" "${BENCH_PORT:-18080}" "$OUT/app-$1.log" ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"}
  TOK_R=$(token tiepnhan.tanphu)
  TOK_S=$(token chuyenvien.tanphu)
  TOK_L=$(token lanhdao.tanphu)
  [ -n "$TOK_R" ] && [ -n "$TOK_S" ] && [ -n "$TOK_L" ] || { echo "cannot log in the demo officers" >&2; exit 1; }
}

finish_app() { # $1 name
  app_stop
  cleanup
}

RSS_MAX_KIB=""

# ---------------------------------------------------------------------------------------------------------
bench1() {
  log "benchmark 1: counter intake over HTTP vs pgbench tpcb-like ($CONNS connections)"
  fresh_app b1
  local nfiles
  nfiles=$(intake_body 1.001193 "$APPLICANT_1001193" "$WORK/body1.json")
  say "intake: procedure 1.001193 (Đăng ký khai sinh) at 70.689.25195.MC as tiepnhan.tanphu, $nfiles required attachments;"
  say "each request: bearer auth, JSON Schema validation of the eForm, applicant checks, attachments, dossier code,"
  say "deadline from the working calendar, dossier + history + outbox rows in one transaction."
  say "set-up (not timed): upload the attachments, one PDF each ($nfiles per intake; a file belongs to one dossier)"
  upload_files "$TOK_R" "$FILES1" "$WORK/files1" $((SMOKE == 1 ? 30 : 120))
  say "warm-up (${WARM}s, not reported):"
  intake_run "$WORK/files1" "$WORK/body1.json" "$nfiles" "$WARM" "" "" >"$OUT/b1-warmup.txt"
  grep '^RESULT' "$OUT/b1-warmup.txt" || true
  # the warm-up used the first files: keep the rest
  local used
  local wc wf
  wc=$(value intake_created "$OUT/b1-warmup.txt"); wf=$(value intake_failed "$OUT/b1-warmup.txt")
  used=$((${wc:-0} + ${wf:-0} + 2 * CONNS))
  tail -n +$((used * nfiles + 1)) "$WORK/files1" >"$WORK/files1b"
  say "measured run: ${DUR}s or until the $(($(wc -l <"$WORK/files1b") / nfiles)) prepared intakes are used"
  rss_sampler "$APP_PID" "$OUT/b1-rss.txt" &
  local sampler=$!
  jfr_start
  local cpu0
  cpu0=$(cpu_ms "$APP_PID")
  intake_run "$WORK/files1b" "$WORK/body1.json" "$nfiles" "$DUR" "" "" | tee "$OUT/b1-intake.txt"
  local cpu=$(($(cpu_ms "$APP_PID") - cpu0)) made
  touch "$OUT/b1-rss.txt.stop"
  made=$(value intake_created "$OUT/b1-intake.txt")
  say "application CPU (user + system) during the measured run: $cpu ms, $(ratio "$cpu" "${made:-0}") ms per intake"
  jfr_stop b1
  wait "$sampler" || true
  RSS_MAX_KIB=$(sort -n "$OUT/b1-rss.txt" | tail -1)
  say "application RSS during the measured run: max $((RSS_MAX_KIB / 1024)) MiB over $(wc -l <"$OUT/b1-rss.txt") samples"
  "${PSQL[@]}" -d "$APP_DB" -Atc "select 'data: ' || (select count(*) from dossier) || ' dossiers, ' || (select count(*) from dossier_history) || ' history rows, ' || (select count(*) from outbox_event) || ' outbox events, ' || (select count(*) from stored_file) || ' files; database ' || pg_size_pretty(pg_database_size(current_database()))" 2>/dev/null || true
  load_now
  app_stop
  # pgbench on the same server, in the same database, with the application stopped (each side has the machine)
  say "pgbench tpcb-like, scale $PGSCALE, in the same database, application stopped:"
  run pgbench -i -q -s "$PGSCALE" -h "$PGHOST_BENCH" -p "$PGPORT_BENCH" -U "$PGUSER_BENCH" "$APP_DB" 2>&1 | tail -1
  run pgbench -b tpcb-like -c "$CONNS" -j 2 -T "$DUR" -h "$PGHOST_BENCH" -p "$PGPORT_BENCH" -U "$PGUSER_BENCH" "$APP_DB" 2>&1 \
    | tee "$OUT/b1-pgbench.txt" | grep -E 'scaling|clients|duration|transactions actually|latency|tps'
  load_now
  cleanup
  local ours pg p50 p99
  ours=$(value intake_per_s "$OUT/b1-intake.txt")
  p50=$(value p50_ms "$OUT/b1-intake.txt")
  p99=$(value p99_ms "$OUT/b1-intake.txt")
  pg=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/b1-pgbench.txt" | tail -1)
  local r
  r=$(ratio "$ours" "$pg")
  say "RESULT b1 intake_per_s=$ours pgbench_tps=$pg ratio=$r p50_ms=$p50 p99_ms=$p99"
  result "1 counter intake, HTTP, $CONNS conn" "$ours intakes/s (p50 $p50 ms, p99 $p99 ms; app CPU $(ratio "$cpu" "${made:-0}") ms/intake)" "pgbench tpcb-like $pg tps" "$r" "≥ 0.5" "$(ge "$r" 0.5 && echo yes || echo NO)"
}


# ---------------------------------------------------------------------------------------------------------
bench2() {
  log "benchmark 2: default-process transitions over HTTP vs Flowable 8 ($CONNS connections)"
  fresh_app b2
  local nfiles n=$DOSSIERS2
  nfiles=$(intake_body 1.004873 "$APPLICANT_1004873" "$WORK/body2.json")
  say "set-up (not timed): $n dossiers received at the counter (procedure 1.004873), one result PDF per dossier uploaded by the leader"
  upload_files "$TOK_R" $((n * nfiles)) "$WORK/files2" $((SMOKE == 1 ? 30 : 300))
  intake_run "$WORK/files2" "$WORK/body2.json" "$nfiles" $((SMOKE == 1 ? 30 : 300)) "$WORK/codes2" "" | grep '^RESULT' || true
  cat "$WORK/codes2".[0-9]* >"$WORK/codes2"
  upload_files "$TOK_L" "$(wc -l <"$WORK/codes2")" "$WORK/leader2" $((SMOKE == 1 ? 30 : 300))
  local total warm
  total=$(wc -l <"$WORK/codes2")
  warm=$((total / 5))
  head -n "$warm" "$WORK/codes2" >"$WORK/codes2w"; head -n "$warm" "$WORK/leader2" >"$WORK/leader2w"
  tail -n +$((warm + 1)) "$WORK/codes2" >"$WORK/codes2m"; tail -n +$((warm + 1)) "$WORK/leader2" >"$WORK/leader2m"
  say "per transition: HTTP + bearer auth, load dossier, role/permission and version checks, status machine,"
  say "workflow step, history row, outbox event, dossier update (one transaction); COMPLETE also attaches the result file."
  local lag=$((CONNS * 4))
  say "warm-up (${WARM}s on $warm dossiers, not reported):"
  actions_run "$WORK/codes2w" "$WORK/leader2w" "$WARM" "$lag" >"$OUT/b2-warmup.txt"
  grep '^RESULT' "$OUT/b2-warmup.txt" || true
  say "measured run: ${DUR}s or until the $((total - warm)) dossiers are returned"
  jfr_start
  local cpu0
  cpu0=$(cpu_ms "$APP_PID")
  actions_run "$WORK/codes2m" "$WORK/leader2m" "$DUR" "$lag" | tee "$OUT/b2-ours.txt"
  local cpu=$(($(cpu_ms "$APP_PID") - cpu0)) made
  made=$(value transitions "$OUT/b2-ours.txt")
  say "application CPU (user + system) during the measured run: $cpu ms, $(ratio "$cpu" "${made:-0}") ms per transition"
  jfr_stop b2
  "${PSQL[@]}" -d "$APP_DB" -Atc "select 'data: ' || string_agg(status || ' ' || n, ', ') from (select status, count(*) n from dossier group by status order by 1) s" 2>/dev/null || true
  load_now
  finish_app b2

  log "Flowable 8.0.0 peer: the same 4 steps as 4 user tasks, in process, its own database on the same server"
  if [ ! -f "$FLOWABLE_DIR/target/flowable-bench.jar" ] || [ -n "${BENCH_REBUILD:-}" ]; then
    (cd "$FLOWABLE_DIR" && run "$ROOT/mvnw" -q -B package)
  fi
  local fdb="motcua_bench_${STAMP}_flowable"
  local hist
  for hist in audit full; do
    db_create "$fdb"
    run "$JAVA" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$FLOWABLE_DIR/target/flowable-bench.jar:$FLOWABLE_DIR/target/lib/*" \
      vn.motcua.bench.flowable.FlowableBench --url "jdbc:postgresql://$PGHOST_BENCH:$PGPORT_BENCH/$fdb" --user "$PGUSER_BENCH" \
      --threads "$CONNS" --instances $((SMOKE == 1 ? 200 : 4000)) --warmup "$WARM" --duration "$DUR" --history "$hist" \
      2>&1 | tee "$OUT/b2-flowable-$hist.txt" | grep -v '^\s*at \|^SLF4J'
    load_now
    cleanup
    [ $SMOKE = 1 ] && break
  done
  local ours fl flf r
  ours=$(value transitions_per_s "$OUT/b2-ours.txt")
  fl=$(value flowable_tps "$OUT/b2-flowable-audit.txt")
  flf=$( [ -f "$OUT/b2-flowable-full.txt" ] && value flowable_tps "$OUT/b2-flowable-full.txt" || echo n/a)
  r=$(ratio "$ours" "$fl")
  local flcpu
  flcpu=$(value cpu_ms_per_transition "$OUT/b2-flowable-audit.txt")
  say "RESULT b2 ours_transitions_per_s=$ours flowable_audit_tps=$fl flowable_full_tps=$flf ratio=$r"
  result "2 process transitions, HTTP, $CONNS conn" "$ours transitions/s (p50 $(value p50_ms "$OUT/b2-ours.txt") ms, p99 $(value p99_ms "$OUT/b2-ours.txt") ms; app CPU $(ratio "$cpu" "${made:-0}") ms/transition)" "Flowable 8 in-process, history audit: $fl/s (JVM CPU ${flcpu:-?} ms/transition; history full: $flf/s)" "$r" "≥ 10" "$(ge "$r" 10 && echo yes || echo NO)"
}

actions_run() { # codes leaderfiles duration lag
  BENCH_CODES="$1" BENCH_LEADER_FILES="$2" BENCH_LAG="$4" BENCH_THREADS=2 BENCH_MARK="$WORK/actions" \
    BENCH_TOKEN_RECEPTION="$TOK_R" BENCH_TOKEN_SPECIALIST="$TOK_S" BENCH_TOKEN_LEADER="$TOK_L" \
    wrk_bounded "$WORK/actions" 2 "$3" -t2 -c"$CONNS" -d"$3s" --timeout 10s --latency -s "$HERE/lua/actions.lua" "$APP_URL"
}

# ---------------------------------------------------------------------------------------------------------
bench3() {
  log "benchmark 3: the 766 index"
  if [ -x "$HERE/index766/run.sh" ]; then
    run "$HERE/index766/run.sh" "$([ $SMOKE = 1 ] && echo --smoke)" | tee "$OUT/b3.txt"
    local row
    row=$(grep '^ROW' "$OUT/b3.txt" | tail -1 | cut -f2- || true)
    [ -n "$row" ] && echo "$row" >>"$SUMMARY"
  else
    say "not yet available (bench/index766/run.sh does not exist in this tree)"
    result "3 the 766 index, 12.5 M dossiers" "not yet available" "naive aggregate" "-" "p95 < 50 ms, ≥ 100×" "-"
  fi
}

# ---------------------------------------------------------------------------------------------------------
bench4() {
  log "benchmark 4: catalogue search with 2,025 procedures, 32 connections"
  fresh_app b4
  say "set-up: 1,987 generated procedures inserted into this bench database only (bench/data/procedures.sql)"
  "${PSQL[@]}" -d "$APP_DB" -1 -f "$HERE/data/procedures.sql"
  "${PSQL[@]}" -d "$APP_DB" -Atc "select 'data: ' || count(*) || ' active procedures, ' || (select count(distinct w) from procedure, unnest(all_words) w) || ' distinct words' from procedure where active"
  say "restarting the application so that its 60 s vocabulary cache holds the new words"
  app_stop
  app_start "$APP_DB" "${BENCH_PORT:-18080}" "$OUT/app-b4b.log" ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"}
  sed 's|^|/api/v1/procedures?q=|' "$HERE/data/search-queries.txt" >"$WORK/search-paths"
  say "queries: $(wc -l <"$HERE/data/search-queries.txt") real queries with and without diacritics and with typos (bench/data/search-queries.txt), in turn"
  local c4=32
  say "warm-up ($((2 * WARM))s, not reported):"
  BENCH_PATHS="$WORK/search-paths" run wrk -t2 -c$c4 -d"$((2 * WARM))s" --timeout 10s -s "$HERE/lua/get.lua" "$APP_URL" | grep '^RESULT' || true
  jfr_start
  local cpu0
  cpu0=$(cpu_ms "$APP_PID")
  BENCH_PATHS="$WORK/search-paths" run wrk -t2 -c$c4 -d"${DUR}s" --timeout 10s --latency -s "$HERE/lua/get.lua" "$APP_URL" | tee "$OUT/b4-search.txt"
  local cpu=$(($(cpu_ms "$APP_PID") - cpu0))
  say "application CPU (user + system) during the measured run: $cpu ms, $(ratio "$cpu" "$(value ok "$OUT/b4-search.txt")") ms per search"
  jfr_stop b4
  load_now
  finish_app b4
  local p99
  p99=$(value p99_ms "$OUT/b4-search.txt")
  say "RESULT b4 p99_ms=$p99 requests_per_s=$(value requests_per_s "$OUT/b4-search.txt")"
  result "4 catalogue search, 2,025 procedures, 32 conn" "p99 $p99 ms, p50 $(value p50_ms "$OUT/b4-search.txt") ms, $(value requests_per_s "$OUT/b4-search.txt") req/s, app CPU $(ratio "$cpu" "$(value ok "$OUT/b4-search.txt")") ms/search" "—" "—" "p99 < 20 ms" "$(lt "$p99" 20 && ge "$(value ok "$OUT/b4-search.txt")" 1 && echo yes || echo NO)"
}

# ---------------------------------------------------------------------------------------------------------
bench5() {
  log "benchmark 5: public tracking and procedure page, 64 connections"
  fresh_app b5
  local nfiles
  nfiles=$(intake_body 1.004873 "$APPLICANT_1004873" "$WORK/body5.json")
  say "set-up (not timed): $TRACKED dossiers received at the counter to track"
  upload_files "$TOK_R" $((TRACKED * nfiles)) "$WORK/files5" 120
  intake_run "$WORK/files5" "$WORK/body5.json" "$nfiles" 120 "$WORK/codes5" "" | grep '^RESULT' || true
  cat "$WORK/codes5".[0-9]* >"$WORK/codes5"
  sed 's|^|/api/v1/tracking/|; s|$|?phone=0912345678|' "$WORK/codes5" >"$WORK/paths-track-api"
  local first
  first=$(head -1 "$WORK/codes5")
  local c5=64 pages=("track-api" "procedure-page")
  echo "/thu-tuc/1.001193" >"$WORK/paths-procedure-page"
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "$APP_URL/tra-cuu?ma=$first&phone=0912345678")" = 200 ]; then
    sed 's|^|/tra-cuu?ma=|; s|$|\&phone=0912345678|' "$WORK/codes5" >"$WORK/paths-track-page"
    pages=("track-api" "track-page" "procedure-page")
  else
    say "the tracking page /tra-cuu does not exist in this tree: measuring the tracking API and the procedure page"
  fi
  local p
  for p in "${pages[@]}"; do
    say "-- $p ($(wc -l <"$WORK/paths-$p") distinct URLs, e.g. $(head -1 "$WORK/paths-$p"))"
    say "warm-up ($((2 * WARM))s, not reported):"
    BENCH_PATHS="$WORK/paths-$p" run wrk -t2 -c$c5 -d"$((2 * WARM))s" --timeout 10s -s "$HERE/lua/get.lua" "$APP_URL" | grep '^RESULT' || true
    jfr_start
    local cpu0 cpu
    cpu0=$(cpu_ms "$APP_PID")
    BENCH_PATHS="$WORK/paths-$p" run wrk -t2 -c$c5 -d"${DUR}s" --timeout 10s --latency -s "$HERE/lua/get.lua" "$APP_URL" | tee "$OUT/b5-$p.txt"
    cpu=$(($(cpu_ms "$APP_PID") - cpu0))
    say "application CPU (user + system) during the measured run: $cpu ms, $(ratio "$cpu" "$(value ok "$OUT/b5-$p.txt")") ms per request"
    jfr_stop "b5-$p"
    local p99
    p99=$(value p99_ms "$OUT/b5-$p.txt")
    result "5 $p, 64 conn" "p99 $p99 ms, p50 $(value p50_ms "$OUT/b5-$p.txt") ms, $(value requests_per_s "$OUT/b5-$p.txt") req/s, app CPU $(ratio "$cpu" "$(value ok "$OUT/b5-$p.txt")") ms/request" "—" "—" "p99 < 50 ms" "$(lt "$p99" 50 && ge "$(value ok "$OUT/b5-$p.txt")" 1 && echo yes || echo NO)"
  done
  load_now
  finish_app b5
}

# ---------------------------------------------------------------------------------------------------------
bench6() {
  log "benchmark 6: memory under benchmark 1's load, start-up of the embedded default"
  if [ -z "$RSS_MAX_KIB" ]; then
    say "benchmark 1 did not run in this invocation: running its intake load for the RSS samples"
    bench1_rss_only
  fi
  local rss_mib=$((RSS_MAX_KIB / 1024))
  say "RESULT b6 rss_max_mib=$rss_mib (JVM flags: ${BENCH_JAVA_OPTS:-none})"
  result "6 RSS under benchmark 1's load" "max $rss_mib MiB (JVM flags: ${BENCH_JAVA_OPTS:-none})" "—" "—" "< 512 MiB" "$([ "$rss_mib" -lt 512 ] && echo yes || echo NO)"

  local dir="$WORK/embedded"
  mkdir -p "$dir"
  say "embedded default: java -jar motcua.jar in an empty working directory (data in ./data/postgres), no datasource"
  timed_start cold "$dir" "$APP_JAR"
  timed_start warm "$dir" "$APP_JAR"
  say "data directory kept: $(du -sh "$dir/data/postgres" 2>/dev/null | cut -f1)"
  local cold=${START_S[cold]} warm=${START_S[warm]}
  say "RESULT b6 cold_s=$cold warm_s=$warm cold_cpu_s=${START_CPU[cold]} warm_cpu_s=${START_CPU[warm]}"
  result "6 start-up, embedded default, data kept (no JVM flags)" "warm $warm s, ${START_CPU[warm]} s CPU (cold, first start: $cold s)" "—" "—" "< 10 s" "$(lt "${warm:-999}" 10 && echo yes || echo NO)"

  # As the README documents it (bin/motcua): class-data sharing, the archive written by the first run and used by
  # the next ones (-XX:+AutoCreateSharedArchive, JDK 19+). One JVM flag, no extra step.
  say "-- as documented (bin/motcua): class-data sharing archive written by the first start, used by the next"
  START_FLAGS=(-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile="$WORK/motcua.jsa")
  timed_start warm-cds-first "$dir" "$APP_JAR"
  timed_start warm-cds "$dir" "$APP_JAR"
  START_FLAGS=()
  say "RESULT b6 warm_cds_s=${START_S[warm-cds]} warm_cds_cpu_s=${START_CPU[warm-cds]}"
  result "6 start-up, embedded default, data kept, as documented (bin/motcua: CDS archive)" "warm ${START_S[warm-cds]} s, ${START_CPU[warm-cds]} s CPU" "no flags: $warm s" "$(ratio "$warm" "${START_S[warm-cds]}")× faster" "< 10 s" "$(lt "${START_S[warm-cds]:-999}" 10 && echo yes || echo NO)"

  # The same warm start with the JDK's ahead-of-time cache (JEP 483/514): the jar extracted with Spring Boot's
  # jarmode tools, one training run that stops after the context refresh, then -XX:AOTCache. JVM flags and a
  # deployment step, not a change to the application: shown for comparison with the goal.
  say "-- for comparison: warm start with the JDK AOT cache (needs JVM flags and an extracted jar)"
  local x="$WORK/extracted" jar
  jar=$(basename "$APP_JAR")
  run "$JAVA" -Djarmode=tools -jar "$APP_JAR" extract --destination "$x" >/dev/null
  printf '$ (cd %s && %s -XX:AOTCacheOutput=%s -Dspring.context.exit=onRefresh -jar %s)\n' "$dir" "$JAVA" "$WORK/motcua.aot" "$x/$jar"
  (cd "$dir" && timeout 300 "$JAVA" -XX:AOTCacheOutput="$WORK/motcua.aot" -Dspring.context.exit=onRefresh -jar "$x/$jar" \
    --server.port=18081 >"$OUT/b6-aot-training.log" 2>&1) || true
  if [ -f "$WORK/motcua.aot" ]; then
    START_FLAGS=(-XX:AOTCache="$WORK/motcua.aot")
    timed_start warm-aot "$dir" "$x/$jar"
    START_FLAGS=()
    say "RESULT b6 warm_aot_s=${START_S[warm-aot]} warm_aot_cpu_s=${START_CPU[warm-aot]}"
    result "6 start-up, embedded default, data kept, JDK AOT cache" "warm ${START_S[warm-aot]} s, ${START_CPU[warm-aot]} s CPU (flags: -XX:AOTCache, extracted jar)" "no flags: $warm s" "$(ratio "$warm" "${START_S[warm-aot]}")× faster" "< 10 s" "$(lt "${START_S[warm-aot]:-999}" 10 && echo yes || echo NO)"
  else
    say "the AOT cache was not created; see $OUT/b6-aot-training.log"
  fi
}

declare -A START_S START_CPU
START_FLAGS=()
# timed_start KIND DIR JAR: starts the embedded default in DIR, time until /actuator/health is UP, then stops it
timed_start() {
  local kind=$1 dir=$2 jar=$3
  say "-- $kind start"
  local jfr=()
  # (no JFR with the AOT cache: the jdk.jfr module it adds at run time makes the JVM refuse the cache)
  if [ -n "${BENCH_JFR:-}" ] && [ ${#START_FLAGS[@]} -eq 0 ]; then
    jfr=("-XX:StartFlightRecording=filename=$OUT/b6-$kind.jfr,settings=profile")
  fi
  printf '$ (cd %s && /usr/bin/time -v %s %s -jar %s --server.port=18081)\n' "$dir" "$JAVA" "${START_FLAGS[*]:-}" "$jar"
  local t0 t1 secs
  t0=$(date +%s%N)
  (cd "$dir" && exec /usr/bin/time -v -o "$OUT/b6-$kind-time.txt" env -u SPRING_DATASOURCE_URL -u SPRING_PROFILES_ACTIVE \
    "$JAVA" ${JAVA_OPTS[@]+"${JAVA_OPTS[@]}"} ${START_FLAGS[@]+"${START_FLAGS[@]}"} ${jfr[@]+"${jfr[@]}"} -jar "$jar" \
    --server.port=18081 >"$OUT/b6-$kind.log" 2>&1) &
  EMBEDDED_PID=$!
  local i=0
  until curl -sf http://127.0.0.1:18081/actuator/health 2>/dev/null | grep -q '"UP"'; do
    i=$((i + 1))
    if [ $i -gt 3000 ] || ! kill -0 "$EMBEDDED_PID" 2>/dev/null; then echo "embedded start failed; see $OUT/b6-$kind.log" >&2; tail -20 "$OUT/b6-$kind.log" >&2; break; fi
    sleep 0.05
  done
  t1=$(date +%s%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  say "$kind: /actuator/health UP after $secs s ($(grep -o 'Started MotCuaApplication in [0-9.]* seconds' "$OUT/b6-$kind.log" || true))"
  START_S[$kind]=$secs
  # stop the JVM (the child of /usr/bin/time); it stops its embedded PostgreSQL on the way out
  local jpid
  jpid=$(pgrep -P "$EMBEDDED_PID" || true)
  if [ ${#jfr[@]} -gt 0 ] && [ -n "$jpid" ]; then
    "$JAVA_HOME/bin/jcmd" "$jpid" JFR.dump filename="$OUT/b6-$kind.jfr" >/dev/null 2>&1 || true
    jfr_top "$OUT/b6-$kind.jfr" >"$OUT/b6-$kind-profile.txt" || true
    say "start-up profile: $OUT/b6-$kind-profile.txt"
  fi
  [ -n "$jpid" ] && kill -TERM "$jpid" 2>/dev/null
  i=0
  while kill -0 "$EMBEDDED_PID" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
  wait "$EMBEDDED_PID" 2>/dev/null || true
  EMBEDDED_PID=""
  local pm="$dir/data/postgres/postmaster.pid"
  if [ -f "$pm" ] && kill -0 "$(head -1 "$pm")" 2>/dev/null; then
    say "the embedded PostgreSQL outlived the application; stopping it (pid $(head -1 "$pm"))"
    kill -INT "$(head -1 "$pm")" 2>/dev/null || true
    sleep 2
  fi
  START_CPU[$kind]=$(awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{printf "%.1f", u + s}' "$OUT/b6-$kind-time.txt")
  say "max RSS of the JVM during this start: $(awk -F': ' '/Maximum resident/{printf "%d MiB", $2 / 1024}' "$OUT/b6-$kind-time.txt"), CPU ${START_CPU[$kind]} s"
}

bench1_rss_only() {
  fresh_app b6
  local nfiles
  nfiles=$(intake_body 1.001193 "$APPLICANT_1001193" "$WORK/body6.json")
  upload_files "$TOK_R" "$FILES1" "$WORK/files6" $((SMOKE == 1 ? 30 : 240))
  rss_sampler "$APP_PID" "$OUT/b6-rss.txt" &
  local sampler=$!
  intake_run "$WORK/files6" "$WORK/body6.json" "$nfiles" $((WARM + DUR)) "" "" | grep '^RESULT'
  touch "$OUT/b6-rss.txt.stop"
  wait "$sampler" || true
  RSS_MAX_KIB=$(sort -n "$OUT/b6-rss.txt" | tail -1)
  finish_app b6
}

for b in "${WHICH[@]}"; do
  "bench$b"
done

{
  log "summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $([ $SMOKE = 1 ] && echo smoke || echo full))"
  echo "| benchmark | ours | comparison | ratio | goal | met? |"
  echo "|---|---|---|---|---|---|"
  while IFS=$'\t' read -r a b c d e f; do echo "| $a | $b | $c | $d | $e | $f |"; done <"$SUMMARY"
  say "results and logs: $OUT"
} | tee "$OUT/summary.md"
