/* global process */
// The baseline of the serve-start bench: the least a Node process can do to serve one static page
// (no framework, no fonts), announced on stdout the way `songyun serve` announces itself.
import http from 'node:http'

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head>
<body><main data-screen="bare">Bare page</main></body></html>`

const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
  response.end(page)
})
server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  process.stdout.write(
    `served at http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/\n`,
  )
})
process.on('SIGTERM', () => server.close(() => process.exit(0)))
