-- wrk script for the closed-loop heartbeat ceiling: every request is one learner's honest heartbeat,
-- with that learner's own token and session, its position following the wall clock (as LoadGen's).
--   wrk -t2 -cN -dS --latency -s heartbeats.lua URL -- LEARNERS.tsv EPOCH_FILE THREADS
local learners = {}
local epoch_s
local next_index
local step

local thread_count = 0
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  for line in io.lines(args[1]) do
    local _, session, token = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)")
    learners[#learners + 1] = { "/api/sessions/" .. session .. "/heartbeats",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" } }
  end
  local f = io.open(args[2])
  epoch_s = tonumber(f:read("*l")) / 1000
  f:close()
  step = tonumber(args[3])
  next_index = thread_id
end

function request()
  local l = learners[next_index % #learners + 1]
  next_index = next_index + step
  local position = math.max(0, os.time() - epoch_s) % 7000
  return wrk.format("POST", l[1], l[2],
    string.format('{"positionSeconds":%.1f,"playing":true,"visible":true,"playbackRate":1.0}', position))
end
