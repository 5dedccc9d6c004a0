import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ServicesStartGate } from '../../../main/web/servicesStartGate'

/** A host that answers every path with a short text, like the first screen's files from memory. */
async function startServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => response.end(`answer to ${request.url}`))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { server, url: `http://127.0.0.1:${port}` }
}

/** A gate whose `begin` records each call and what had been asked of the host by then. */
function recordingGate(requestedPaths: readonly string[]) {
  const begins: string[][] = []
  let onBegin = () => {}
  const begun = new Promise<void>((resolve) => (onBegin = resolve))
  const gate = new ServicesStartGate(async () => {
    begins.push([...requestedPaths])
    onBegin()
    return 'services'
  })
  return { gate, begins, begun }
}

const neverMs = 60 * 60_000

// `songyun serve` holds the services' code back while the first page is sent from the cache
// (main/web/servicesStartGate.ts), so it does not compile beside the browser opening the page.
describe('the services’ start gate', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup()
  })

  async function armedGate(latestAfterArmingMs: number) {
    const { server, url } = await startServer()
    cleanups.push(() => server.close())
    const requestedPaths: string[] = []
    server.on('request', (request) => requestedPaths.push(request.url ?? ''))
    const recording = recordingGate(requestedPaths)
    cleanups.push(() => recording.gate.dispose())
    recording.gate.armOn(server, { latestAfterArmingMs })
    return { url, ...recording }
  }

  it('stays closed for the page and its files, and opens when the loaded page asks for events', async () => {
    const { url, gate, begins, begun } = await armedGate(neverMs)
    for (const file of ['/', '/assets/index.js', '/assets/index.css', '/favicon.svg']) {
      await (await fetch(`${url}${file}`)).text()
    }
    expect(gate.isOpen).toBe(false)
    await (await fetch(`${url}/api/events`)).text()
    await begun
    expect(begins).toEqual([
      ['/', '/assets/index.js', '/assets/index.css', '/favicon.svg', '/api/events'],
    ])
    expect(await gate.loaded).toBe('services')
  })

  it('opens at its deadline when no page asks', async () => {
    const { gate, begins, begun } = await armedGate(30)
    expect(gate.isOpen).toBe(false)
    await begun
    expect(begins).toEqual([[]])
  })

  it('opens at once when asked to, and only once', async () => {
    const { url, gate, begins } = await armedGate(1)
    gate.open()
    gate.open()
    expect(await gate.loaded).toBe('services')
    // Neither the event stream nor the deadline begins the services a second time.
    await (await fetch(`${url}/api/events`)).text()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(begins).toEqual([[]])
  })

  it('never opens once disposed before it opened', async () => {
    const { url, gate, begins } = await armedGate(5)
    gate.dispose()
    await (await fetch(`${url}/api/events`)).text()
    await new Promise((resolve) => setTimeout(resolve, 30))
    expect(begins).toEqual([])
    expect(gate.isOpen).toBe(false)
  })
})
