-- POSTs GraphQL bodies read from BODIES (a file of JSON bodies, one per line, taken in turn), with the
-- bearer token of TOKEN. A response counts as bad unless it is a 200 holding EXPECT and no "errors".
-- Each wrk thread has its own Lua state, so counters are per thread and summed in done().
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "")

local bodies = {}
for line in io.lines(os.getenv("BODIES")) do
  if line ~= "" then table.insert(bodies, line) end
end
local expect = os.getenv("EXPECT") or '"data"'
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  failures = 0
  next_body = 1
  sample = ""
end

function request()
  local body = bodies[next_body]
  next_body = next_body % #bodies + 1
  return wrk.format(nil, nil, nil, body)
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, expect, 1, true) or string.find(body, '"errors"', 1, true) then
    failures = failures + 1
    if sample == "" then sample = string.sub(body, 1, 300) end
  end
end

function done(summary, latency, requests)
  local bad = 0
  local example = ""
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("failures") or 0)
    if example == "" then example = thread:get("sample") or "" end
  end
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d bad_responses=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout, bad))
  if example ~= "" then io.write("FIRST_BAD " .. example .. "\n") end
end
