-- wrk script: each request submits a new ACSI response with a unique client id to one deployment.
-- The deployment id comes from the environment (SENTIO_BENCH_DEPLOYMENT). With SENTIO_BENCH_BODY=invalid every
-- response is complete but has one out-of-range rating (CE1 = 11): validated in full, refused with 400, not written.
local counter = 0
local thread_id = 0
local deployment = os.getenv("SENTIO_BENCH_DEPLOYMENT")
local run = os.getenv("SENTIO_BENCH_RUN") or "run"
local invalid = os.getenv("SENTIO_BENCH_BODY") == "invalid"
local expected = invalid and 400 or nil

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function init(args)
  counter = 0
end

request = function()
  counter = counter + 1
  local id = string.format("%s-%d-%d", run, tid, counter)
  local level = (counter % 10) + 1
  local answers = string.format(
    '{"CE1":%d,"CE2":%d,"CE3":%d,"PQ1":%d,"PQ2":%d,"PQ3":%d,"PV1":%d,"PV2":%d,"SAT1":%d,"SAT2":%d,"SAT3":%d,' ..
    '"CC1":%d,"CL1":%d,"CL2":%d,"NPS":%d,"COMMENT":"benchmark comment %d"}',
    invalid and 11 or level, level, level, level, level, level, level, level, level, level, level, counter % 2, level, level,
    level % 11, counter)
  local body = string.format('{"id":"%s","language":"en","answers":%s}', id, answers)
  return wrk.format("POST", "/api/v1/deployments/" .. deployment .. "/responses",
    { ["Content-Type"] = "application/json" }, body)
end

-- Prints the first reply of each unexpected status, so that a benchmark never counts errors as throughput.
local reported = {}
response = function(status, headers, body)
  if status >= 300 and status ~= expected and not reported[status] then
    reported[status] = true
    io.stderr:write(string.format("HTTP %d: %s\n", status, body))
  end
end
