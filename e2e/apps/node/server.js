// A small HTTP service with one npm dependency (ms): it reports durations in milliseconds.
const http = require("http");
const ms = require("ms");

const port = Number(process.env.PORT || 3000);

http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(`hello from node, path ${req.url}, 2 days = ${ms("2 days")} ms\n`);
  })
  .listen(port, () => console.log(`listening on :${port}`));
