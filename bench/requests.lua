-- Replays prepared requests (one per line: METHOD \t PATH \t COOKIE \t BODY), each wrk thread
-- taking every n-th line from its own offset, so that no two threads send the same one.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  lines = {}
  for line in io.lines(args[1]) do
    local method, path, cookie, body = line:match("^(%S+)\t(%S+)\t([^\t]*)\t?(.*)$")
    table.insert(lines, {method = method, path = path, cookie = cookie, body = body})
  end
  step = tonumber(args[2])
  index = id
end

function request()
  local r = lines[((index - 1) % #lines) + 1]
  index = index + step
  local headers = {["Cookie"] = r.cookie, ["Accept-Language"] = "fr"}
  if r.method == "POST" then
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return wrk.format("POST", r.path, headers, r.body)
  end
  return wrk.format("GET", r.path, headers)
end
