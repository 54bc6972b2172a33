-- wrk script for bench/http_load.sh: cycles through a mix of /api/search requests (plain
-- words, phrases, boolean, field, filters, facets, date sort, paging, expansion, suggestions)
-- and prints the counts the load test checks.
local paths = {
  "/api/search?q=oil",
  "/api/search?q=crude+oil+prices",
  "/api/search?q=%22interest+rates%22",
  "/api/search?q=trade+deficit+japan&facets=year,month",
  "/api/search?q=grain+OR+wheat&limit=20",
  "/api/search?q=bank+-loan",
  "/api/search?q=title:dollar",
  "/api/search?q=coffee&sort=date",
  "/api/search?q=oil&facets=outlet,lang,year,month&facet-limit=0",
  "/api/search?q=stocks&offset=20",
  "/api/search?q=opec+output&match=any",
  "/api/search?q=acquisition&expand=5",
  "/api/search?q=gold&since=1987-03&until=1987-04",
  "/api/search?q=dollar+yen+exchange",
  "/api/search?q=shipping+strike&limit=5",
  "/api/search?q=earnings&count=1",
}
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("errors connect %d read %d write %d timeout %d status %d\n",
                         e.connect, e.read, e.write, e.timeout, e.status))
  io.write(string.format("requests/s %.1f\n", summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max %.2f ms\n", latency.max / 1000))
end
