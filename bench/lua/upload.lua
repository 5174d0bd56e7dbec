-- Benchmark set-up (not timed): POST /api/v1/files, one small PDF each, as $BENCH_TOKEN.
-- Each thread records the fileIds it got, one a line, in $BENCH_OUT.<thread>, and stops after $BENCH_QUOTA.
local threads, n = {}, 0
function setup(thread)
  thread:set("tid", n)
  n = n + 1
  table.insert(threads, thread)
end

function init(args)
  local f = assert(io.open(os.getenv("BENCH_PDF"), "rb"))
  local pdf = f:read("*a")
  f:close()
  local b = "----motcua-bench-boundary"
  local body = "--" .. b .. "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"giay-to.pdf\"\r\n"
      .. "Content-Type: application/pdf\r\n\r\n" .. pdf .. "\r\n--" .. b .. "--\r\n"
  req = wrk.format("POST", "/api/v1/files", {
    ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
    ["Content-Type"] = "multipart/form-data; boundary=" .. b }, body)
  quota = tonumber(os.getenv("BENCH_QUOTA"))
  prefix = os.getenv("BENCH_OUT") .. "." .. tid
  out = assert(io.open(prefix, "w"))
  out:setvbuf("line")
  got, failed = 0, 0
end

function request()
  return req
end

function response(status, headers, body)
  if status == 201 or status == 200 then
    local id = body:match('"fileId":"([^"]+)"')
    if id and got < quota then
      out:write(id, "\n")
      got = got + 1
      if got == quota then
        out:close()
        io.open(prefix .. ".done", "w"):close()
        wrk.thread:stop()
      end
    end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local got_all, failed_all = 0, 0
  for _, t in ipairs(threads) do
    got_all = got_all + t:get("got")
    failed_all = failed_all + t:get("failed")
  end
  io.write(string.format("uploads: %d stored, %d failed, %.1f uploads/s\n", got_all, failed_all,
      got_all / (summary.duration / 1e6)))
end
