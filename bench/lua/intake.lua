-- Benchmark 1: counter intake, POST /api/v1/office/dossiers as the reception officer ($BENCH_TOKEN).
-- The body is $BENCH_BODY with __FILE_1__ .. __FILE_n__ replaced by pre-uploaded fileIds ($BENCH_FILES, one a
-- line; a file can be attached to one dossier only, so each intake takes n unused ones). Thread k of
-- $BENCH_THREADS takes the groups k, k+T, k+2T, ... When a thread has no files left (or reached $BENCH_QUOTA
-- intakes) it writes $BENCH_MARK.<k>.done and stops; run.sh then ends wrk. With $BENCH_RECORD set, each new
-- dossier code is written to $BENCH_RECORD.<k> (used to prepare benchmarks 2 and 5).
local threads, n = {}, 0
function setup(thread)
  thread:set("tid", n)
  n = n + 1
  table.insert(threads, thread)
end

local function lines(path)
  local t = {}
  for l in io.lines(path) do
    if l ~= "" then table.insert(t, l) end
  end
  return t
end

function init(args)
  local f = assert(io.open(os.getenv("BENCH_BODY"), "rb"))
  template = f:read("*a")
  f:close()
  nfiles = tonumber(os.getenv("BENCH_NFILES"))
  local nthreads = tonumber(os.getenv("BENCH_THREADS"))
  local ids = lines(os.getenv("BENCH_FILES"))
  groups = {}
  local g = 0
  for i = 1, #ids - nfiles + 1, nfiles do
    if g % nthreads == tid then
      local group = {}
      for j = 0, nfiles - 1 do group[j + 1] = ids[i + j] end
      table.insert(groups, group)
    end
    g = g + 1
  end
  quota = tonumber(os.getenv("BENCH_QUOTA") or "") or #groups
  if quota > #groups then quota = #groups end
  headers = { ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"), ["Content-Type"] = "application/json" }
  filler = wrk.format("GET", "/actuator/health")
  local rec = os.getenv("BENCH_RECORD")
  if rec and rec ~= "" then
    out = assert(io.open(rec .. "." .. tid, "w"))
    out:setvbuf("line")
  end
  mark = os.getenv("BENCH_MARK") .. "." .. tid .. ".done"
  verify = tid == 0
  sent, created, failed, fillers, sample, exhausted, last_answer = 0, 0, 0, 0, "", 0, os.time()
end

-- Once every intake is sent, the thread's connections wait (delay) until each intake has been answered, so
-- that the counts and the elapsed time include them; then the thread marks itself done and stops.
-- (a request lost to a socket error is never answered: after 5 s without an answer the thread stops anyway)
local function finish()
  if exhausted == 0 and (created + failed >= sent or os.time() - last_answer >= 5) then
    exhausted = 1
    io.open(mark, "w"):close()
    wrk.thread:stop()
  end
end

function delay()
  if sent >= quota then return 1000 end
  return 0
end

function request()
  -- wrk calls request() once on thread 0 before the run only to check it (script_verify_request): that call
  -- must not use up an intake or a step, since what it returns is never sent
  if verify then
    verify = false
    return filler
  end
  if sent >= quota then
    finish()
    fillers = fillers + 1
    return filler
  end
  sent = sent + 1
  local group = groups[sent]
  local body = template:gsub("__FILE_(%d+)__", function(k) return group[tonumber(k)] end)
  return wrk.format("POST", "/api/v1/office/dossiers", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    last_answer = os.time()
    created = created + 1
    if out then
      local code = body:match('^{"code":"([^"]+)"')
      if code then out:write(code, "\n") end
    end
  elseif status ~= 200 then
    last_answer = os.time()
    failed = failed + 1
    if sample == "" then sample = status .. " " .. body:sub(1, 300) end
  end
  if sent >= quota then finish() end
end

function done(summary, latency, requests)
  local c, f, fill, ex, s = 0, 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    f = f + t:get("failed")
    fill = fill + t:get("fillers")
    ex = ex + t:get("exhausted")
    if s == "" then s = t:get("sample") end
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT intake_created=%d intake_failed=%d seconds=%.2f intake_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f threads_out_of_files=%d socket_errors=%d\n",
      c, f, secs, c / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, ex, socket_errors))
  if s ~= "" then io.write("first failure: " .. s .. "\n") end
end
