-- wrk script of bench/serve. BENCH_PATH: the path to GET. BENCH_TOKENS: a file of tokens, one
-- a line, sent as `Authorization: Bearer`. One token (or none) makes a static request: wrk
-- formats it once and sends the same bytes every time, as a client reusing its token does, so
-- the load generator spends no Lua per request (for /healthz neither). Several tokens are sent
-- in turn (each wrk thread takes every BENCH_THREADS-th line, so no token is sent twice unless
-- the list runs out, which `wraps` counts). done() prints one line:
-- RESULT requests duration_us p50_us p99_us errors wraps.
local path = os.getenv("BENCH_PATH")
local file = os.getenv("BENCH_TOKENS")
if file == "" then file = nil end
local nthreads = tonumber(os.getenv("BENCH_THREADS") or "1")
local threads = {}
local tokens = {}
local idx = 0
wraps = 0

local function read_tokens()
  local all = {}
  if file then
    for line in io.lines(file) do
      if line ~= "" then all[#all + 1] = line end
    end
  end
  return all
end

-- Decided when the script loads: wrk asks then whether `request` is a function.
local all = read_tokens()

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  if #all == 1 then
    wrk.headers["Authorization"] = "Bearer " .. all[1]
  end
  for i, line in ipairs(all) do
    if (i - 1) % nthreads == id then tokens[#tokens + 1] = line end
  end
  -- fewer tokens than threads: every thread sends them all
  if #tokens == 0 then tokens = all end
end

if #all > 1 then
  function request()
    idx = idx + 1
    if idx > #tokens then
      idx = 1
      wraps = wraps + 1
    end
    return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[idx] })
  end
end

function done(summary, latency, requests)
  local w = 0
  for _, t in ipairs(threads) do w = w + (t:get("wraps") or 0) end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout, w))
end
