-- POSTs the authenticated `viewer` query; the token comes from the TOKEN environment variable.
-- Each wrk thread has its own Lua state, so failures are counted per thread and summed in done().
wrk.method = "POST"
wrk.body = '{"query":"{ viewer { tenant roles } }"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failures = 0
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"tenant"', 1, true) then
    failures = failures + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("failures") or 0)
  end
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d bad_responses=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, bad))
end
