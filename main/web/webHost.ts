import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { contentSecurityPolicy } from '../security/contentSecurityPolicy'
import type { KioskServices } from '../services/kioskServices'
import type { Logger } from '../services/logger'
import { resolveInsideRoot } from '../services/safePath'
import { sendFile } from './fileResponder'
import { sendFirstScreenPage } from './firstScreenPage'

/** The header the browser bridge sends its staff session token in. */
export const staffSessionHeader = 'x-songyun-staff-session'

/** The largest request body the host reads (requests are small JSON). */
const maxRequestBodyBytes = 1024 * 1024

export interface WebHostOptions {
  /**
   * The services, or their promise: `songyun serve` listens before their code has loaded, and
   * every request, pack media read and the page's first-screen data wait for them.
   */
  readonly services: KioskServices | Promise<KioskServices>
  /** Where the host's own failures are logged; by default the services' logger. */
  readonly logger?: Logger
  /** The built renderer (index.html and assets). */
  readonly rendererDir: string
  readonly host: string
  readonly port: number
}

/** A running browser-shell host. */
export interface WebHost {
  readonly url: string
  readonly server: Server
  close(): Promise<void>
}

/**
 * The browser shell's local host: the built renderer, pack media under `/pack/<id>/…`, every
 * request of the contract as `POST /api/request/<channel>` and the events as a server-sent
 * stream at `/api/events`.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const servicesLoaded = Promise.resolve(options.services)
  // Awaited by each request; a load that failed is reported by the shell that started it.
  servicesLoaded.catch(() => undefined)
  const eventStreams = new Set<ServerResponse>()
  let isClosed = false
  let stopForwarding = () => {}
  void servicesLoaded.then((services) => {
    if (isClosed) return
    stopForwarding = services.events.onAny((event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
      for (const stream of eventStreams) stream.write(frame)
    })
  }, () => undefined)

  const server = createServer((request, response) => {
    handle(request, response).catch(async (error: unknown) => {
      const logger = options.logger ?? (await servicesLoaded.catch(() => undefined))?.options.logger
      logger?.error(`web host: ${(error as Error).stack ?? String(error)}`)
      if (!response.headersSent) response.writeHead(500).end()
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://kiosk.invalid')
    const pathname = url.pathname
    if (!isAllowedHost(request, options.host)) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    if (pathname === '/api/events' && request.method === 'GET') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      response.write(': connected\n\n')
      eventStreams.add(response)
      request.on('close', () => eventStreams.delete(response))
      return
    }
    if (pathname.startsWith('/api/request/')) {
      const services = await servicesLoaded
      await answerRequest(request, response, services, decodeURIComponent(pathname.slice('/api/request/'.length)))
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    if (pathname.startsWith('/pack/')) {
      const rest = url.pathname.slice('/pack/'.length)
      const slash = rest.indexOf('/')
      const packId = slash > 0 ? rest.slice(0, slash) : ''
      // Until the services have started, the built-in pack may not be installed yet.
      const services = await servicesLoaded
      await services.ready.catch(() => undefined)
      const filePath = packId ? await services.content.resolveMediaFile(packId, rest.slice(slash + 1)) : undefined
      if (!filePath || !(await sendFile(request, response, filePath, { 'Cache-Control': 'no-cache' }))) {
        notFound(response)
      }
      return
    }
    await serveRenderer(request, response, rawPathOf(request.url ?? '/'))
  }

  async function serveRenderer(request: IncomingMessage, response: ServerResponse, rawPath: string) {
    const filePath = resolveInsideRoot(options.rendererDir, rawPath)
    if (!filePath) {
      notFound(response)
      return
    }
    const isHtml = rawPath === '/' || rawPath.endsWith('.html')
    const target = rawPath === '/' ? path.join(options.rendererDir, 'index.html') : filePath
    const headers: Record<string, string> = isHtml
      ? { 'Content-Security-Policy': contentSecurityPolicy(), 'Cache-Control': 'no-store' }
      : { 'Cache-Control': rawPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache' }
    // index.html carries the first screen's data (main/web/firstScreenPage.ts).
    if (isHtml && (await sendFirstScreenPage(request, response, target, headers, servicesLoaded))) return
    if (!(await sendFile(request, response, target, headers))) notFound(response)
  }

  async function answerRequest(
    request: IncomingMessage,
    response: ServerResponse,
    services: KioskServices,
    channel: string,
  ) {
    if (request.method !== 'POST') {
      response.writeHead(405, { Allow: 'POST' }).end()
      return
    }
    if (!isSameOrigin(request)) {
      sendJson(response, 403, { ok: false, error: { code: 'forbidden', message: 'Cross-origin request refused' } })
      return
    }
    let body: unknown
    try {
      body = JSON.parse((await readBody(request)) || '{}')
    } catch (error) {
      sendJson(response, 400, {
        ok: false,
        error: { code: 'bad-request', message: `The request body is not JSON: ${(error as Error).message}` },
      })
      return
    }
    const args = typeof body === 'object' && body !== null ? (body as { args?: unknown }).args : undefined
    const tokenHeader = request.headers[staffSessionHeader]
    const outcome = await services.dispatch(channel, args, {
      staffSessionToken: typeof tokenHeader === 'string' ? tokenHeader : undefined,
    })
    const status = outcome.ok ? 200 : statusOf(outcome.error.code)
    sendJson(response, status, outcome)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${hostForUrl}:${address.port}/`,
    server,
    close: async () => {
      isClosed = true
      stopForwarding()
      for (const stream of eventStreams) stream.end()
      eventStreams.clear()
      // close() waits for every open connection; end the kept-alive and in-flight ones now.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeAllConnections()
      await closed
    },
  }
}

/** The raw path of a request URL, still percent-encoded, without query or fragment. */
function rawPathOf(requestUrl: string): string {
  const end = requestUrl.search(/[?#]/)
  return end === -1 ? requestUrl : requestUrl.slice(0, end)
}

function statusOf(code: string): number {
  switch (code) {
    case 'bad-request':
      return 400
    case 'forbidden':
      return 403
    case 'locked':
      return 423
    case 'unknown-channel':
    case 'not-found':
      return 404
    case 'conflict':
      return 409
    case 'rejected':
      return 422
    default:
      return 500
  }
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(body),
  })
  response.end(body)
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found')
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of request) {
    total += (chunk as Buffer).length
    if (total > maxRequestBodyBytes) throw new Error('request body too large')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/**
 * On loopback, only loopback host names are answered: a web page elsewhere cannot reach the
 * kiosk's services by rebinding a DNS name to 127.0.0.1.
 */
function isAllowedHost(request: IncomingMessage, boundHost: string): boolean {
  if (!loopbackNames.has(boundHost)) return true
  const hostHeader = request.headers.host ?? ''
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]
  return loopbackNames.has(name ?? '')
}

/** A request from a page must come from the kiosk's own origin (no cross-site POSTs). */
function isSameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin
  if (!origin) return true // not from a browser page (CLI tools, tests)
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}
