/* global process */
// The baseline of the serve-start bench: the least a Node process can do to serve a page of the
// kiosk's kind — an HTML page, one module script that draws its screen and one preloaded font
// the text is set in — announced on stdout the way `songyun serve` announces itself. Without the
// script and the font the baseline would be a page no app could be (it once was: a bare HTML).
import { readFile } from 'node:fs/promises'
import http from 'node:http'
import { fileURLToPath } from 'node:url'

/** One Noto Serif SC subset of the kind the kiosk's starting screen loads (its commonest glyphs). */
const fontFile = fileURLToPath(
  new URL(
    '../../node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-119-400-normal.woff2',
    import.meta.url,
  ),
)

const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title>
<link rel="preload" as="font" type="font/woff2" crossorigin href="/font.woff2">
<style>@font-face{font-family:'Bare Serif';src:url(/font.woff2) format('woff2');font-display:swap}
body{font-family:'Bare Serif',serif}</style>
<script type="module" src="/main.js"></script></head><body></body></html>`

const script = `const screen = document.createElement('main')
screen.dataset.screen = 'bare'
screen.textContent = '宋韵展台正在准备，请稍候'
document.body.append(screen)
`

const server = http.createServer((request, response) => {
  if (request.url === '/font.woff2') {
    readFile(fontFile).then(
      (font) => {
        response.writeHead(200, { 'content-type': 'font/woff2' })
        response.end(font)
      },
      () => {
        response.writeHead(500)
        response.end()
      },
    )
    return
  }
  if (request.url === '/main.js') {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' })
    response.end(script)
    return
  }
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
