# Shared helpers of bench/run.sh (sourced). Everything here talks to 127.0.0.1 only, and every wait is bounded.

PGHOST_BENCH=${BENCH_PGHOST:-127.0.0.1}
PGPORT_BENCH=${BENCH_PGPORT:-5432}
PGUSER_BENCH=${BENCH_PGUSER:-postgres}
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h "$PGHOST_BENCH" -p "$PGPORT_BENCH" -U "$PGUSER_BENCH")
APP_PID=""
APP_URL=""
DBS_TO_DROP=()

log() { printf '\n== %s\n' "$*"; }
say() { printf '%s\n' "$*"; }
# prints a command line exactly as it is run, then runs it
run() { printf '$ %s\n' "$*"; "$@"; }

pick_java() {
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
    JAVA="$JAVA_HOME/bin/java"
  else
    for j in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
      if [ -x "$j/bin/java" ] && "$j/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
        export JAVA_HOME=$j
        JAVA="$j/bin/java"
        break
      fi
    done
  fi
  [ -n "${JAVA:-}" ] || { echo "a JDK 21+ is needed (set JAVA_HOME)" >&2; exit 2; }
}

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v pgbench >/dev/null || missing+=(postgresql-client)
  command -v psql >/dev/null || missing+=(postgresql-client)
  [ -x /usr/bin/time ] || missing+=(time)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} (Debian packages)"
    if ! apt-get install -y "${missing[@]}" >/dev/null 2>&1; then
      apt-get update >/dev/null 2>&1 && apt-get install -y "${missing[@]}" >/dev/null
    fi
  fi
  "${PSQL[@]}" -d postgres -Atc 'select 1' >/dev/null || {
    echo "PostgreSQL is not answering at $PGHOST_BENCH:$PGPORT_BENCH (user $PGUSER_BENCH)" >&2; exit 2; }
}

machine_info() {
  log "machine"
  say "date:        $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  say "cpu:         $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  say "memory:      $(free -m | awk '/^Mem:/{print $2 " MiB total, " $7 " MiB available"}')"
  say "kernel:      $(uname -sr)"
  say "jdk:         $("$JAVA" -version 2>&1 | head -1) ($JAVA)"
  say "postgresql:  $("${PSQL[@]}" -d postgres -Atc 'select version()')"
  say "pg settings: $("${PSQL[@]}" -d postgres -Atc "select string_agg(name || '=' || setting, ' ') from pg_settings where name in ('shared_buffers','synchronous_commit','fsync','max_connections','wal_level')")"
  say "wrk:         $(wrk -v 2>&1 | head -1)"
  say "pgbench:     $(pgbench --version)"
  say "load:        $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min; other processes share this machine)"
}

load_now() { say "load average now: $(cut -d' ' -f1-3 /proc/loadavg)"; }

db_create() {
  "${PSQL[@]}" -d postgres -c "create database \"$1\"" >/dev/null
  DBS_TO_DROP+=("$1")
}

db_drop() {
  "${PSQL[@]}" -d postgres -c "drop database if exists \"$1\" with (force)" >/dev/null 2>&1 || true
}

# app_start DB PORT LOGFILE [java options...]: the application against database DB, profile demo.
app_start() {
  local db=$1 port=$2 logf=$3
  shift 3
  APP_URL="http://127.0.0.1:$port"
  say "\$ SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST_BENCH:$PGPORT_BENCH/$db SPRING_DATASOURCE_USERNAME=$PGUSER_BENCH SPRING_PROFILES_ACTIVE=demo MOTCUA_DEMO_HISTORY_ENABLED=false $JAVA $* -jar $APP_JAR --server.port=$port"
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST_BENCH:$PGPORT_BENCH/$db" SPRING_DATASOURCE_USERNAME="$PGUSER_BENCH" \
    SPRING_PROFILES_ACTIVE=demo MOTCUA_DEMO_HISTORY_ENABLED=false \
    "$JAVA" "$@" -jar "$APP_JAR" --server.port="$port" >"$logf" 2>&1 &
  APP_PID=$!
  local t0=$SECONDS
  until curl -sf "$APP_URL/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the application stopped; see $logf" >&2; tail -30 "$logf" >&2; exit 1; fi
    if [ $((SECONDS - t0)) -gt 180 ]; then echo "the application is not up after 180 s; see $logf" >&2; exit 1; fi
    sleep 0.5
  done
  say "application up (pid $APP_PID) after $((SECONDS - t0)) s"
}

app_stop() {
  [ -n "$APP_PID" ] || return 0
  kill -TERM "$APP_PID" 2>/dev/null || true
  local i=0
  while kill -0 "$APP_PID" 2>/dev/null && [ $i -lt 120 ]; do sleep 0.5; i=$((i + 1)); done
  kill -KILL "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

cleanup() {
  app_stop
  for d in "${DBS_TO_DROP[@]:-}"; do [ -n "$d" ] && db_drop "$d"; done
  DBS_TO_DROP=()
}

token() {
  curl -sf -X POST "$APP_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"demo\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# A one-page PDF (the attachment of every intake and result), written with printf only.
make_pdf() {
  local out=$1 s='BT /F1 12 Tf 72 770 Td (MotCua benchmark attachment) Tj ET'
  local o1='<< /Type /Catalog /Pages 2 0 R >>'
  local o2='<< /Type /Pages /Kids [3 0 R] /Count 1 >>'
  local o3='<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'
  local o4="<< /Length ${#s} >>
stream
$s
endstream"
  local o5='<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  local body='%PDF-1.4
' offs=() i=1
  for o in "$o1" "$o2" "$o3" "$o4" "$o5"; do
    offs+=(${#body})
    body+="$i 0 obj
$o
endobj
"
    i=$((i + 1))
  done
  local x=${#body}
  body+="xref
0 6
0000000000 65535 f 
"
  for o in "${offs[@]}"; do body+="$(printf '%010d 00000 n ' "$o")
"; done
  body+="trailer
<< /Size 6 /Root 1 0 R >>
startxref
$x
%%EOF
"
  printf '%s' "$body" >"$out"
}

# wrk_bounded MARK THREADS CAP_SECONDS wrk-args...: runs wrk; ends it early (SIGINT, wrk then prints its
# results over the time it really ran) once every thread has written MARK.<k>.done; never runs past its -d.
wrk_bounded() {
  local mark=$1 threads=$2 cap=$3
  shift 3
  rm -f "$mark".*.done
  printf '$ %s\n' "wrk $*"
  wrk "$@" &
  local pid=$! t0=$SECONDS
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$(ls "$mark".*.done 2>/dev/null | wc -l)" -ge "$threads" ]; then kill -INT "$pid" 2>/dev/null; break; fi
    if [ $((SECONDS - t0)) -gt $((cap + 30)) ]; then kill -TERM "$pid" 2>/dev/null; break; fi
    sleep 0.2
  done
  wait "$pid" || true
}

# upload_files TOKEN COUNT OUTFILE CAP_SECONDS: stores COUNT PDFs (set-up, not timed) and lists their fileIds.
upload_files() {
  local tok=$1 count=$2 out=$3 cap=$4 t=2
  local per=$(((count + t - 1) / t))
  BENCH_PDF="$WORK/a.pdf" BENCH_TOKEN="$tok" BENCH_QUOTA=$per BENCH_OUT="$out" \
    wrk_bounded "$out" $t "$cap" -t$t -c8 -d${cap}s --timeout 10s -s "$HERE/lua/upload.lua" "$APP_URL" | grep -E '^(uploads|\$)'
  cat "$out".[0-9]* >"$out"
  say "fileIds ready: $(wc -l <"$out")"
}

# intake_body PROCEDURE APPLICANT_JSON OUT: the intake request with the procedure's own example form and a
# __FILE_n__ placeholder per required component, built from GET /api/v1/procedures/{code} (JSON through psql).
intake_body() {
  local p
  p=$(curl -sf "$APP_URL/api/v1/procedures/$1")
  "${PSQL[@]}" -d postgres -At -v p="$p" -v a="$2" >"$3" <<'SQL'
select jsonb_build_object(
  'procedureCode', p->>'code', 'agencyCode', '70.689.25195.MC', 'applicant', :'a'::jsonb,
  'form', p->'formSchema'->'examples'->0, 'channel', 'COUNTER',
  'attachments', (select jsonb_agg(jsonb_build_object('componentCode', c->>'code', 'fileId', '__FILE_' || n || '__') order by n)
                  from (select c, row_number() over () as n
                        from jsonb_array_elements(p->'components') c where (c->>'required')::boolean) r))
from (select :'p'::jsonb as p) x;
SQL
  grep -o '__FILE_[0-9]*__' "$3" | wc -l
}

APPLICANT_1001193='{"fullName":"Nguyễn Văn Hùng","idNumber":"070094003871","dateOfBirth":"1994-02-10","phone":"0912345678","email":"hung.nv@example.vn","address":"Số 25 đường Phú Riềng Đỏ, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước"}'
APPLICANT_1004873='{"fullName":"Vũ Thị Ngọc Trâm","idNumber":"070197008821","dateOfBirth":"1997-04-11","phone":"0912345678","email":"tram.vtn@example.vn","address":"Số 8 đường Lê Quý Đôn, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước"}'

# intake_run FILES BODY NFILES DURATION RECORD QUOTA: counter intakes with wrk (-t2 -c$CONNS).
intake_run() {
  local files=$1 body=$2 nfiles=$3 dur=$4 record=${5:-} quota=${6:-}
  BENCH_BODY="$body" BENCH_FILES="$files" BENCH_NFILES=$nfiles BENCH_THREADS=2 BENCH_TOKEN="$TOK_R" \
    BENCH_RECORD="$record" BENCH_QUOTA="$quota" BENCH_MARK="$WORK/intake" \
    wrk_bounded "$WORK/intake" 2 "$dur" -t2 -c"$CONNS" -d"${dur}s" --timeout 10s --latency \
    -s "$HERE/lua/intake.lua" "$APP_URL"
}

# rss_sampler PID OUT: VmRSS (KiB) every 0.5 s while PID lives and OUT.stop does not exist; at most 2400 samples.
rss_sampler() {
  local pid=$1 out=$2 i=0
  : >"$out"
  while [ $i -lt 2400 ] && [ ! -e "$out.stop" ] && kill -0 "$pid" 2>/dev/null; do
    awk '/^VmRSS/{print $2}' "/proc/$pid/status" >>"$out" 2>/dev/null || true
    sleep 0.5
    i=$((i + 1))
  done
}

# cpu_ms PID: CPU time (user + system) the process has used so far, in ms
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# value KEY FILE: the number after KEY= on the file's last RESULT line
value() { grep '^RESULT' "$2" | tail -1 | tr ' ' '\n' | sed -n "s/^$1=//p"; }

# result ROW...: a row of the summary table (tab-separated)
result() { (IFS=$'\t'; echo "$*") >>"$SUMMARY"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# jfr_start / jfr_stop NAME: with BENCH_JFR=1, a JFR recording (settings=profile) of the application during the
# measured run only (jcmd), then a summary of where the CPU samples are.
jfr_start() {
  [ -n "${BENCH_JFR:-}" ] || return 0
  "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.start name=bench settings=profile >/dev/null
}
jfr_stop() {
  [ -n "${BENCH_JFR:-}" ] || return 0
  "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.dump name=bench filename="$OUT/$1.jfr" >/dev/null
  "$JAVA_HOME/bin/jcmd" "$APP_PID" JFR.stop name=bench >/dev/null
  jfr_top "$OUT/$1.jfr" | tee "$OUT/$1-profile.txt"
}

# jfr_top FILE: where the CPU samples are: by leaf frame, and inclusive shares of the main components
jfr_top() {
  local f=$1 txt="$WORK/jfr.txt"
  "$JAVA_HOME/bin/jfr" print --stack-depth 96 --events jdk.ExecutionSample "$f" >"$txt" 2>/dev/null || true
  say "JFR profile $(basename "$f"): $(grep -c 'jdk.ExecutionSample' "$txt" || true) execution samples"
  say "leaf frames (samples, share, frame):"
  awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]*line:.*/, ""); n[$0]++; t++ }
       END { for (k in n) printf "%6d %5.1f%%  %s\n", n[k], 100 * n[k] / t, k }' "$txt" | sort -rn | head -15 || true
  say "deepest MotCua frame of each sample (samples, share, frame; 'none': the sample has no MotCua frame):"
  awk '
    /jdk.ExecutionSample/ { if (seen) emit(); s = ""; seen = 1; next }
    { s = s $0 "\n" }
    function emit(   n, L, i, x) { tot++; n = split(s, L, "\n"); x = "none"
      for (i = 1; i <= n; i++) if (L[i] ~ /vn\.motcua\./ && L[i] !~ /SpringCGLIB/) { x = L[i]; sub(/^[ \t]+/, "", x); sub(/[ \t]*line:.*/, "", x); break }
      c[x]++ }
    END { if (seen) emit(); for (k in c) printf "%6d %5.1f%%  %s\n", c[k], 100 * c[k] / tot, k }' "$txt" | sort -rn | head -12 || true
  say "inclusive share of samples whose stack passes through (samples, share, component; the servlet filters that wrap every request are left out):"
  awk '
    BEGIN {
      split("vn.motcua.dossier.internal.IntakeService|vn.motcua.dossier.internal.ActionService|vn.motcua.dossier.internal.Transitions|vn.motcua.dossier.rules|vn.motcua.dossier.internal.DossierEvents|vn.motcua.catalog.internal.FeeCalculator|ch.qos.logback|vn.motcua.workflow|vn.motcua.catalog.internal.CatalogService|vn.motcua.catalog.internal.SearchRanking|vn.motcua.catalog.internal.ProcedureRepository|vn.motcua.catalog.internal.FormValidator|com.networknt.schema|vn.motcua.dossier.internal.DossierViews|vn.motcua.dossier.internal.DossierQueries|vn.motcua.dossier.internal.DossierRepository|vn.motcua.documents|vn.motcua.calendar|vn.motcua.platform.outbox|vn.motcua.signing|org.apache.pdfbox|org.thymeleaf|org.springframework.web.servlet.resource.ResourceUrlProvider|tools.jackson|org.postgresql|com.zaxxer.hikari|org.springframework.jdbc|vn.motcua.identity.internal.TokenService|vn.motcua.identity.internal.AccountService|org.springframework.security.crypto|org.apache.coyote|java.util.zip|io.micrometer|java.util.regex|com.github.kagkarlsson", cats, "|")
    }
    /jdk.ExecutionSample/ { if (seen) emit(); s = ""; seen = 1; next }
    { s = s $0 "\n" }
    function emit() { tot++; for (k in cats) if (index(s, cats[k] ".") || index(s, cats[k] "$")) c[cats[k]]++ }
    END { if (seen) emit(); for (k in c) printf "%6d %5.1f%%  %s\n", c[k], 100 * c[k] / tot, k }' "$txt" | sort -rn || true
}
