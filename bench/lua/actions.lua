-- Benchmark 2: the default process through HTTP, POST /api/v1/office/dossiers/{code}/actions.
-- Dossiers ($BENCH_CODES, one code a line, received with version 0) each get, in order:
--   FORWARD v0 (reception), FORWARD v1 (specialist), COMPLETE v2 with a result file (leader), RETURN_RESULT v3
--   (reception); the leader's result files are pre-uploaded ($BENCH_LEADER_FILES, one per dossier).
-- A connection cannot wait for another's answer in wrk, so each thread interleaves its dossiers with a lag: in
-- round r it sends step 1 of dossier r, step 2 of dossier r-L, step 3 of r-2L, step 4 of r-3L. With L much
-- larger than the thread's connections, a step is sent long after the previous step of the same dossier was
-- answered; any step sent too early would come back 409 and is counted as a failure, not as a transition.
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
  local nthreads = tonumber(os.getenv("BENCH_THREADS"))
  local codes = lines(os.getenv("BENCH_CODES"))
  local files = lines(os.getenv("BENCH_LEADER_FILES"))
  mine, myfiles = {}, {}
  for i = 1, math.min(#codes, #files) do
    if (i - 1) % nthreads == tid then
      table.insert(mine, codes[i])
      table.insert(myfiles, files[i])
    end
  end
  lag = tonumber(os.getenv("BENCH_LAG"))
  local function h(tok) return { ["Authorization"] = "Bearer " .. tok, ["Content-Type"] = "application/json" } end
  hdr = { h(os.getenv("BENCH_TOKEN_RECEPTION")), h(os.getenv("BENCH_TOKEN_SPECIALIST")),
          h(os.getenv("BENCH_TOKEN_LEADER")), h(os.getenv("BENCH_TOKEN_RECEPTION")) }
  filler = wrk.format("GET", "/actuator/health")
  mark = os.getenv("BENCH_MARK") .. "." .. tid .. ".done"
  verify = tid == 0
  round, stage = 0, 0
  last_round = #mine - 1 + 3 * lag
  total = 4 * #mine
  ok, failed, fillers, exhausted, sample, sent, drained, last_answer = 0, 0, 0, 0, "", 0, false, os.time()
  per_stage = { 0, 0, 0, 0 }
end

-- the next (dossier index, stage) in the interleaved order, or nil when every step has been sent
local function next_step()
  while round <= last_round do
    local s = stage
    local i = round - s * lag
    stage = stage + 1
    if stage == 4 then
      stage = 0
      round = round + 1
    end
    if i >= 0 and i < #mine then return i + 1, s end
  end
  return nil
end

-- Once every step is sent, the thread's connections wait (delay) until each step has been answered, so that
-- the counts and the elapsed time include them; then the thread marks itself done and stops.
-- (a request lost to a socket error is never answered: after 5 s without an answer the thread stops anyway)
local function finish()
  if exhausted == 0 and (ok + failed >= sent or os.time() - last_answer >= 5) then
    exhausted = 1
    io.open(mark, "w"):close()
    wrk.thread:stop()
  end
end

function delay()
  if sent >= total then return 1000 end
  return 0
end

function request()
  -- wrk calls request() once on thread 0 before the run only to check it (script_verify_request): that call
  -- must not use up an intake or a step, since what it returns is never sent
  if verify then
    verify = false
    return filler
  end
  local i, s = nil, nil
  if not drained then i, s = next_step() end
  if not i then
    drained = true
    finish()
    fillers = fillers + 1
    return filler
  end
  sent = sent + 1
  local body
  if s == 0 then
    body = '{"action":"FORWARD","version":0}'
  elseif s == 1 then
    body = '{"action":"FORWARD","version":1}'
  elseif s == 2 then
    body = '{"action":"COMPLETE","version":2,"attachments":[{"fileId":"' .. myfiles[i] .. '"}]}'
  else
    body = '{"action":"RETURN_RESULT","version":3}'
  end
  per_stage[s + 1] = per_stage[s + 1] + 1
  return wrk.format("POST", "/api/v1/office/dossiers/" .. mine[i] .. "/actions", hdr[s + 1], body)
end

function response(status, headers, body)
  if status == 200 and body:sub(1, 9) == '{"code":"' then
    last_answer = os.time()
    ok = ok + 1
  elseif status ~= 200 then
    last_answer = os.time()
    failed = failed + 1
    if sample == "" then sample = status .. " " .. body:sub(1, 300) end
  end
  if drained then finish() end
end

function done(summary, latency, requests)
  local o, f, ex, s = 0, 0, 0, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    f = f + t:get("failed")
    ex = ex + t:get("exhausted")
    if s == "" then s = t:get("sample") end
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT transitions=%d failed=%d seconds=%.2f transitions_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f threads_out_of_dossiers=%d socket_errors=%d\n",
      o, f, secs, o / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, ex, socket_errors))
  if s ~= "" then io.write("first failure: " .. s .. "\n") end
end
