-- wrk script for `make loadtest`: a round of realistic addresses (LOADTEST_PATHS, one path a
-- line), sent as the reverse proxy would (Host, X-Forwarded-Proto), counting every answer that
-- is not 2xx as an error. Prints one RESULT line for .ci/loadtest.py to read.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("LOADTEST_PATHS")) do
    if #line > 0 then table.insert(paths, line) end
  end
  counter = (id or 1) * 13
  errors = 0
  host = os.getenv("LOADTEST_HOST") or "localhost"
end

function request()
  counter = counter + 1
  local path = paths[(counter % #paths) + 1]
  return wrk.format("GET", path, { ["Host"] = host, ["X-Forwarded-Proto"] = "https" })
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  local non2xx = 0
  for _, thread in ipairs(threads) do
    non2xx = non2xx + thread:get("errors")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("  - %d requests in %.1f s: %.1f requests/s\n",
    summary.requests, seconds, summary.requests / seconds))
  io.write(string.format("  - latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("  - non-2xx answers %d, socket errors %d (connect %d, read %d, write %d, timeout %d)\n",
    non2xx, socket, e.connect, e.read, e.write, e.timeout))
  io.write(string.format("RESULT %d %d\n", summary.requests, non2xx + socket))
end
