-- Benchmarks 3, 4 and 5: GET requests cycling through the paths in $BENCH_PATHS (one a line; bytes outside
-- [A-Za-z0-9-._~/?=&:] are percent-encoded here, so the lines may hold plain Vietnamese text).
-- Each thread starts at a different place in the list. Counts the answers by status.
local threads, n = {}, 0
function setup(thread)
  thread:set("tid", n)
  n = n + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for l in io.lines(os.getenv("BENCH_PATHS")) do
    if l ~= "" then
      table.insert(paths, (l:gsub("[^%w%-%._~/?=&:]", function(c) return string.format("%%%02X", c:byte()) end)))
    end
  end
  i = (tid * 7) % #paths
  ok, failed, bytes, sample = 0, 0, 0, ""
  local accept = os.getenv("BENCH_ACCEPT") or "*/*"
  hdr = { ["Accept"] = accept }
  local token = os.getenv("BENCH_TOKEN") -- benchmark 3 asks as a logged-in user
  if token and token ~= "" then hdr["Authorization"] = "Bearer " .. token end
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], hdr)
end

function response(status, headers, body)
  if status == 200 then
    ok = ok + 1
  else
    failed = failed + 1
    if sample == "" then sample = status .. " " .. body:sub(1, 200) end
  end
end

function done(summary, latency, requests)
  local o, f, s = 0, 0, ""
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    f = f + t:get("failed")
    if s == "" then s = t:get("sample") end
  end
  local secs = summary.duration / 1e6
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT ok=%d failed=%d seconds=%.2f requests_per_s=%.1f p50_ms=%.2f p90_ms=%.2f p95_ms=%.2f p99_ms=%.2f max_ms=%.2f socket_errors=%d\n",
      o, f, secs, o / secs, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000, socket_errors))
  if s ~= "" then io.write("first failure: " .. s .. "\n") end
end
