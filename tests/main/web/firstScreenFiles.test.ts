import { request as httpRequest } from 'node:http'
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { KioskServices } from '../../../main/services/kioskServices'
import { assetsNamedInHead } from '../../../main/web/firstScreenFiles'
import { startWebHost, type WebHost } from '../../../main/web/webHost'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

const page = [
  '<!doctype html><html><head>',
  '<script type="module" crossorigin src="./assets/index-AAAA.js"></script>',
  '<link rel="modulepreload" crossorigin href="./assets/vendor-BBBB.js">',
  '<link rel="stylesheet" crossorigin href="./assets/index-CCCC.css">',
  '<link rel="preload" as="font" type="font/woff2" crossorigin href="./assets/latin-DDDD.woff2">',
  '<link rel="icon" href="./favicon.svg">',
  '</head><body><img src="./assets/later-EEEE.png"></body></html>',
].join('')

function get(
  url: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    httpRequest({ hostname, port, path: rawPath, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      )
    })
      .on('error', reject)
      .end()
  })
}

describe('the first screen’s files', () => {
  it('are the assets the page’s head names: scripts, module preloads, style sheet, fonts', () => {
    expect(assetsNamedInHead(page)).toEqual([
      'assets/index-AAAA.js',
      'assets/vendor-BBBB.js',
      'assets/index-CCCC.css',
      'assets/latin-DDDD.woff2',
    ])
  })
})

// `songyun serve` listens while the services' code still compiles on the one Node thread; the
// first screen's files answer from memory, in one turn of the event loop, not from a stream.
describe('the host answers the first screen’s files from memory', () => {
  const tempDir = useTempDirs()
  let host: WebHost | undefined

  afterEach(async () => {
    await host?.close()
    host = undefined
  })

  async function hostOn(html: string) {
    const rendererDir = path.join(await tempDir(), 'renderer')
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true })
    await writeFile(path.join(rendererDir, 'index.html'), html)
    for (const [file, text] of [
      ['index-AAAA.js', 'console.log("entry")'],
      ['vendor-BBBB.js', 'export const vendor = 1'],
      ['index-CCCC.css', 'body{margin:0}'],
      ['latin-DDDD.woff2', 'wOF2'],
      ['other-FFFF.js', 'console.log("later")'],
    ] as const) {
      await writeFile(path.join(rendererDir, 'assets', file), text)
    }
    // The services never start here: the page's files need none of them.
    const services = new Promise<KioskServices>(() => undefined)
    host = await startWebHost({
      services,
      rendererDir,
      host: '127.0.0.1',
      port: 0,
      logger: recordingLogger(),
    })
    return { url: host.url, rendererDir }
  }

  it('read at its start: a head file still answers, whole and with its headers, after it is gone from disk', async () => {
    const { url, rendererDir } = await hostOn(page)
    await rm(path.join(rendererDir, 'assets', 'index-AAAA.js'))
    await rm(path.join(rendererDir, 'assets', 'other-FFFF.js'))

    const entry = await get(url, '/assets/index-AAAA.js')
    expect(entry.status).toBe(200)
    expect(entry.body.toString()).toBe('console.log("entry")')
    expect(entry.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(entry.headers['content-length']).toBe(String('console.log("entry")'.length))
    expect(entry.headers['x-content-type-options']).toBe('nosniff')
    expect(entry.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(String(entry.headers['content-security-policy'])).toContain("script-src 'self'")
    // A file the head does not name is read from disk when asked for.
    expect((await get(url, '/assets/other-FFFF.js')).status).toBe(404)
  })

  it('sends a byte range from the file on disk, as before', async () => {
    const { url } = await hostOn(page)
    const part = await get(url, '/assets/index-CCCC.css', { Range: 'bytes=0-3' })
    expect(part.status).toBe(206)
    expect(part.body.toString()).toBe('body')
  })

  it('sees a rebuilt page under a running host, and holds the files the new page names', async () => {
    const { url, rendererDir } = await hostOn(page)
    const rebuilt = page.replaceAll('index-AAAA.js', 'other-FFFF.js')
    await writeFile(path.join(rendererDir, 'index.html'), rebuilt)
    // A rebuild within the same millisecond keeps the size apart anyway; make the time differ too.
    const later = new Date(Date.now() + 5_000)
    await utimes(path.join(rendererDir, 'index.html'), later, later)

    const served = await get(url, '/')
    expect(served.body.toString()).toContain('./assets/other-FFFF.js')
    await rm(path.join(rendererDir, 'assets', 'other-FFFF.js'))
    expect((await get(url, '/assets/other-FFFF.js')).body.toString()).toBe('console.log("later")')
  })
})
