import { request as httpRequest } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { KioskServices } from '../../../main/services/kioskServices'
import { startWebHost, type WebHost } from '../../../main/web/webHost'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'
import { fileURLToPath } from 'node:url'
import { networkInterfaces } from 'node:os'

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))

/** A raw HTTP request, so paths reach the server exactly as written (no client normalisation). */
function rawGet(
  url: string,
  rawPath: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
    })
    req.on('error', reject)
    if (body) req.write(body)
    req.end()
  })
}

describe('browser shell host', () => {
  const tempDir = useTempDirs()
  let host: WebHost | undefined

  afterEach(async () => {
    await host?.close()
    host = undefined
  })

  async function startHost(
    hostOptions: {
      host?: string
      allowStaffOffLoopback?: boolean
      allowFirstPinOverHttp?: boolean
    } = {},
  ) {
    const root = await tempDir()
    const rendererDir = path.join(root, 'renderer')
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true })
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>')
    await writeFile(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
    await writeFile(path.join(root, 'secret.txt'), 'outside the root')
    const services = await KioskServices.start({
      dataDir: path.join(root, 'data'),
      appVersion: '9.9.9',
      shell: 'browser',
      logger: recordingLogger(),
      builtinPackDir,
    })
    host = await startWebHost({
      services,
      rendererDir,
      host: hostOptions.host ?? '127.0.0.1',
      port: 0,
      ...hostOptions,
    })
    return { host, services }
  }

  it('serves the renderer with the right MIME types and a CSP on the page', async () => {
    const { host } = await startHost()
    const page = await rawGet(host.url, '/')
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    const script = await rawGet(host.url, '/assets/app.js')
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8')
  })

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..\\secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/%00index.html',
    '/pack/songyun.core/../../secret.txt',
    '/pack/songyun.core/%2e%2e/%2e%2e/secret.txt',
  ])('never lets %s escape its root', async (rawPath) => {
    const { host } = await startHost()
    const response = await rawGet(host.url, rawPath)
    expect(response.status).toBe(404)
    expect(response.body.toString()).not.toContain('outside the root')
  })

  it('sends nosniff with every file: page, script, pack media, a range and a refused range', async () => {
    const { host } = await startHost()
    const manifest = '/pack/songyun.core/manifest.json'
    const answers = [
      await rawGet(host.url, '/'),
      await rawGet(host.url, '/assets/app.js'),
      await rawGet(host.url, manifest),
      await rawGet(host.url, manifest, { Range: 'bytes=0-9' }),
      await rawGet(host.url, manifest, { Range: 'bytes=999999999-' }),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 206, 416])
    for (const answer of answers) expect(answer.headers['x-content-type-options']).toBe('nosniff')
  })

  it('answers byte ranges for media so audio can seek', async () => {
    const { host } = await startHost()
    const whole = await rawGet(host.url, '/pack/songyun.core/manifest.json')
    expect(whole.status).toBe(200)
    expect(whole.headers['accept-ranges']).toBe('bytes')
    const part = await rawGet(host.url, '/pack/songyun.core/manifest.json', {
      Range: 'bytes=10-19',
    })
    expect(part.status).toBe(206)
    expect(part.headers['content-range']).toBe(`bytes 10-19/${whole.body.length}`)
    expect(part.body).toEqual(whole.body.subarray(10, 20))
    const tail = await rawGet(host.url, '/pack/songyun.core/manifest.json', { Range: 'bytes=-5' })
    expect(tail.body).toEqual(whole.body.subarray(whole.body.length - 5))
    const beyond = await rawGet(host.url, '/pack/songyun.core/manifest.json', {
      Range: `bytes=${whole.body.length}-`,
    })
    expect(beyond.status).toBe(416)
  })

  it('answers contract requests, refuses bad arguments and staff requests without a session', async () => {
    const { host } = await startHost()
    const post = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
      rawGet(
        host.url,
        `/api/request/${channel}`,
        { 'Content-Type': 'application/json', ...headers },
        'POST',
        JSON.stringify(body),
      )
    const info = await post('app:info', {})
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body.toString())).toMatchObject({
      ok: true,
      result: { appVersion: '9.9.9', shell: 'browser' },
    })
    const bad = await post('analytics:record', { args: { type: 'visit-start' } })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body.toString()).error.problems[0].path).toBe('language')
    const staff = await post(
      'settings:update',
      { args: { volume: 0.1 } },
      { 'x-songyun-staff-session': 'guess' },
    )
    expect(staff.status).toBe(403)
    const unknown = await post('nothing:here', {})
    expect(unknown.status).toBe(404)
    const crossSite = await post('app:info', {}, { Origin: 'http://evil.example' })
    expect(crossSite.status).toBe(403)
  })

  it('refuses a foreign Host header on loopback (DNS rebinding)', async () => {
    const { host } = await startHost()
    const response = await rawGet(host.url, '/', { Host: 'evil.example' })
    expect(response.status).toBe(421)
  })

  it('streams service events to the browser as server-sent events', async () => {
    const { host, services } = await startHost()
    const { hostname, port } = new URL(host.url)
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest({ hostname, port, path: '/api/events' }, (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString()
          if (text.includes(': connected')) services.events.emit('packs:changed', { packs: [] })
          if (text.includes('event: packs:changed')) {
            req.destroy()
            resolve(text)
          }
        })
      })
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain('data: {"packs":[]}')
  })

  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((address) => address && address.family === 'IPv4' && !address.internal)?.address

  it('allow-lists Host names on 0.0.0.0 too (DNS rebinding), checks Origin and Content-Type', async () => {
    const { host } = await startHost({ host: '0.0.0.0' })
    const port = new URL(host.url).port
    const rebound = await rawGet(host.url, '/', { Host: `evil.example:${port}` })
    expect(rebound.status).toBe(421)
    const post = (headers: Record<string, string>) =>
      rawGet(host.url, '/api/request/staff:status', headers, 'POST', '{}')
    const spoofed = await post({
      'Content-Type': 'application/json',
      Host: `evil.example:${port}`,
      Origin: `http://evil.example:${port}`,
      'Sec-Fetch-Site': 'same-origin',
    })
    expect(spoofed.status).toBe(421)
    const ownPage = {
      'Content-Type': 'application/json',
      Host: `127.0.0.1:${port}`,
      Origin: `http://127.0.0.1:${port}`,
    }
    expect((await post({ ...ownPage, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(200)
    expect((await post({ ...ownPage, 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403)
    expect((await post(ownPage)).status).toBe(403)
    expect((await post({ 'Content-Type': 'text/plain', Host: `127.0.0.1:${port}` })).status).toBe(
      415,
    )
  })

  it.skipIf(lanAddress === undefined)(
    'refuses staff channels from the LAN unless the flag allows them',
    async () => {
      const { host } = await startHost({ host: '0.0.0.0' })
      const port = new URL(host.url).port
      const fromLan = `http://${lanAddress}:${port}/`
      const post = (channel: string) =>
        rawGet(
          fromLan,
          `/api/request/${channel}`,
          { 'Content-Type': 'application/json' },
          'POST',
          '{}',
        )
      expect((await post('staff:status')).status).toBe(403)
      expect((await post('settings:get')).status).toBe(200)
      await host.close()
      const open = await startHost({ host: '0.0.0.0', allowStaffOffLoopback: true })
      const openUrl = `http://${lanAddress}:${new URL(open.host.url).port}/`
      const answer = await rawGet(
        openUrl,
        '/api/request/staff:status',
        { 'Content-Type': 'application/json' },
        'POST',
        '{}',
      )
      expect(answer.status).toBe(200)
    },
  )

  it('serves only media types from /pack, each with a sandboxing CSP, never a pack page or script', async () => {
    const { host, services } = await startHost()
    const [core] = await services.packs.listActivePacks()
    await writeFile(
      path.join(core!.rootDir, 'x.html'),
      '<script>fetch("/api/request/staff:status")</script>',
    )
    await writeFile(path.join(core!.rootDir, 'x.js'), 'alert(1)')
    const page = await rawGet(host.url, '/pack/songyun.core/x.html')
    expect(page.status).toBe(404)
    expect(page.headers['content-type']).not.toContain('text/html')
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    )
    expect((await rawGet(host.url, '/pack/songyun.core/x.js')).status).toBe(404)
    const media = await rawGet(host.url, '/pack/songyun.core/manifest.json')
    expect(media.status).toBe(200)
    expect(media.headers['content-security-policy']).toContain('sandbox')
  })

  it('refuses staff:create-pin over HTTP unless the host allows the first PIN there', async () => {
    const { host, services } = await startHost()
    const post = (url: string) =>
      rawGet(
        url,
        '/api/request/staff:create-pin',
        { 'Content-Type': 'application/json' },
        'POST',
        JSON.stringify({ args: { pin: '246813' } }),
      )
    const refused = await post(host.url)
    expect(refused.status).toBe(403)
    expect((await services.staff.status()).hasPin).toBe(false)
    await host.close()
    const allowed = await startHost({ allowFirstPinOverHttp: true })
    expect((await post(allowed.host.url)).status).toBe(200)
  })

  it('sends the CSP on every response, /INDEX.HTML and errors included', async () => {
    const { host } = await startHost()
    for (const rawPath of ['/INDEX.HTML', '/index.html', '/assets/app.js', '/nothing-here']) {
      const response = await rawGet(host.url, rawPath)
      expect(String(response.headers['content-security-policy']), rawPath).toContain(
        "script-src 'self'",
      )
    }
  })

  it('answers a malformed percent-encoding in a request path with 400, logging no stack', async () => {
    const { host, services } = await startHost()
    const response = await rawGet(
      host.url,
      '/api/request/%E0',
      { 'Content-Type': 'application/json' },
      'POST',
      '{}',
    )
    expect(response.status).toBe(400)
    expect(JSON.parse(response.body.toString())).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
    expect((await rawGet(host.url, '/%E0')).status).toBe(404)
    expect((await rawGet(host.url, '/pack/%E0/x.png')).status).toBe(404)
    const logged = (services.options.logger as ReturnType<typeof recordingLogger>).lines
    expect(logged.filter((line) => line.level === 'error')).toEqual([])
  })
})
