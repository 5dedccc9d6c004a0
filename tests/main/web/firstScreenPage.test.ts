import { request as httpRequest, type IncomingMessage } from 'node:http'
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import {
  firstScreenDataElementId,
  firstScreenDataPlaceholder,
  type FirstScreenData,
} from '../../../src/contract/firstScreenData'
import { KioskServices } from '../../../main/services/kioskServices'
import { startWebHost, type WebHost } from '../../../main/web/webHost'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))

const page = [
  '<!doctype html><html><head><title>kiosk</title></head><body>',
  '<div id="starting-screen">宋韵展台正在准备</div>',
  firstScreenDataPlaceholder,
  '<script type="module" src="./assets/app.js"></script></body></html>',
].join('')

/** The data element's JSON in a served page. */
function firstScreenDataOf(html: string): FirstScreenData {
  const match = new RegExp(
    `<script type="application/json" id="${firstScreenDataElementId}">(.*?)</script>`,
  ).exec(html)
  if (!match) throw new Error(`no first-screen data in:\n${html}`)
  return JSON.parse(match[1]!) as FirstScreenData
}

/** GET / as a stream, so a test can read what has arrived before the response has ended. */
function openPage(url: string): Promise<IncomingMessage> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    httpRequest({ hostname, port, path: '/', headers: { host: `${hostname}:${port}` } }, resolve)
      .on('error', reject)
      .end()
  })
}

// `songyun serve` listens before the services' code has loaded and sends the first screen's data
// inside the page (src/contract/firstScreenData.ts), so the attract screen needs no request.
describe('the page with the first screen’s data', () => {
  const tempDir = useTempDirs()
  const cleanups: (() => Promise<void>)[] = []

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  async function hostWith(
    services: Promise<KioskServices>,
    html = page,
    cachedFirstScreenData?: () => Promise<FirstScreenData | undefined>,
  ): Promise<WebHost> {
    const root = await tempDir()
    const rendererDir = path.join(root, 'renderer')
    await mkdir(rendererDir, { recursive: true })
    await writeFile(path.join(rendererDir, 'index.html'), html)
    const host = await startWebHost({
      services,
      rendererDir,
      host: '127.0.0.1',
      port: 0,
      logger: recordingLogger(),
      cachedFirstScreenData,
    })
    cleanups.push(() => host.close())
    return host
  }

  async function startServices(): Promise<KioskServices> {
    const root = await tempDir()
    await mkdir(path.join(root, 'data'), { recursive: true })
    await writeFile(
      path.join(root, 'data', 'settings.json'),
      JSON.stringify({ defaultLanguage: 'en' }),
    )
    const services = await KioskServices.start({
      dataDir: path.join(root, 'data'),
      appVersion: '9.9.9',
      shell: 'browser',
      logger: recordingLogger(),
      builtinPackDir,
    })
    cleanups.push(async () => services.dispose())
    return services
  }

  it('fills the placeholder with the answers to settings:get, mode:get and content:get', async () => {
    const host = await hostWith(startServices())
    const response = await fetch(host.url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await response.text()
    expect(html).not.toContain(firstScreenDataPlaceholder)
    expect(html).toContain('<script type="module" src="./assets/app.js"></script></body></html>')
    const data = firstScreenDataOf(html)
    expect(data['settings:get']).toMatchObject({
      ok: true,
      result: { settings: { defaultLanguage: 'en' } },
    })
    expect(data['mode:get']).toMatchObject({ ok: true })
    const content = data['content:get']
    expect(content?.ok).toBe(true)
    const exhibits = (content as { result: { exhibits: { exhibit: { id: string } }[] } }).result
      .exhibits
    expect(exhibits.map(({ exhibit }) => exhibit.id)).toContain('woodblock-printing')
  })

  it('applies the page’s start report (no visit in progress) and sends its answer with the page', async () => {
    const services = await startServices()
    // A page reloaded mid-visit: the services last heard "busy".
    services.mode.reportVisit(true)
    const host = await hostWith(Promise.resolve(services))
    const data = firstScreenDataOf(await (await fetch(host.url)).text())
    expect(data['mode:report-visit']).toEqual({ ok: true })
    expect(services.mode.isVisitInProgress).toBe(false)
  })

  it('answers before the services have loaded: the page up to the data arrives at once', async () => {
    let provide!: (services: KioskServices) => void
    const services = new Promise<KioskServices>((resolve) => (provide = resolve))
    const host = await hostWith(services)

    const response = await openPage(host.url)
    expect(response.statusCode).toBe(200)
    const firstChunk = await new Promise<string>((resolve) =>
      response.once('data', (chunk: Buffer) => resolve(chunk.toString())),
    )
    expect(firstChunk).toContain('宋韵展台正在准备')
    expect(firstChunk).not.toContain(firstScreenDataElementId)

    let rest = ''
    response.on('data', (chunk: Buffer) => (rest += chunk.toString()))
    const ended = new Promise((resolve) => response.once('end', resolve))
    provide(await startServices())
    await ended
    expect(firstScreenDataOf(firstChunk + rest)['content:get']?.ok).toBe(true)
  })

  it('sends the whole page from the last start’s cache before the services have loaded', async () => {
    const cached: FirstScreenData = {
      'settings:get': { ok: true, result: { settings: { defaultLanguage: 'zh' }, problems: [] } },
      'mode:get': { ok: true, result: { mode: 'open' } },
      'content:get': { ok: true, result: { exhibits: [] } },
    }
    let provide!: (services: KioskServices) => void
    const services = new Promise<KioskServices>((resolve) => (provide = resolve))
    const host = await hostWith(services, page, () => Promise.resolve(cached))

    // The services have not even loaded: without the cache this would wait for them.
    const html = await (await fetch(host.url)).text()
    expect(firstScreenDataOf(html)).toEqual({ ...cached, 'mode:report-visit': { ok: true } })

    // The start report the page will not send is applied once they are ready.
    const started = await startServices()
    started.mode.reportVisit(true)
    provide(started)
    await started.ready
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(started.mode.isVisitInProgress).toBe(false)

    // Once the services are ready, the page's data is theirs, never the cache's.
    const live = firstScreenDataOf(await (await fetch(host.url)).text())
    expect(live['settings:get']).toMatchObject({ result: { settings: { defaultLanguage: 'en' } } })
  })

  it('keeps the content from ending the element early', async () => {
    const services = await startServices()
    const content = await services.content.getContent()
    const firstExhibit = content.exhibits[0]!
    const sneaky = '</script><script>alert(1)</script>'
    services.content.getContent = async () => ({
      ...content,
      exhibits: [{ ...firstExhibit, exhibit: { ...firstExhibit.exhibit, id: sneaky } }],
    })
    const host = await hostWith(Promise.resolve(services))
    const html = await (await fetch(host.url)).text()
    expect(html).not.toContain(sneaky)
    const data = firstScreenDataOf(html)
    const result = (data['content:get'] as { result: { exhibits: { exhibit: { id: string } }[] } })
      .result
    expect(result.exhibits[0]!.exhibit.id).toBe(sneaky)
  })

  it('sends a page without the placeholder as it is, before the services exist', async () => {
    const host = await hostWith(new Promise<KioskServices>(() => undefined), '<title>plain</title>')
    expect(await (await fetch(host.url)).text()).toBe('<title>plain</title>')
  })
})
