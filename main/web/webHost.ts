import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import path from 'node:path'
import { contentSecurityPolicy } from '../security/contentSecurityPolicy'
import { packMediaContentSecurityPolicy, packMediaTypeOf } from '../security/packMediaPolicy'
import type { KioskServices } from '../services/kioskServices'
import type { Logger } from '../services/logger'
import { resolveInsideRoot } from '../services/safePath'
import { sendFile, sendFileBytes } from './fileResponder'
import { loadFirstScreenFiles } from './firstScreenFiles'
import { sendFirstScreenPage } from './firstScreenPage'
import { eventStreamPath } from './servicesStartGate'
import type { FirstScreenData } from '../../src/contract/firstScreenData'

/** The header the browser bridge sends its staff session token in. */
export const staffSessionHeader = 'x-songyun-staff-session'

/**
 * The largest request body the host reads: requests are small JSON but for a keepsake card's
 * picture (src/contract/areas/keepsake.ts, at most 3 MB as a data URL).
 */
const maxRequestBodyBytes = 4 * 1024 * 1024

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
  /**
   * Further names the host answers to besides loopback and this machine's own addresses
   * (`songyun serve --allowed-host kiosk.local`). Every other `Host` is refused, so a DNS name
   * rebound to the kiosk never reaches its services.
   */
  readonly allowedHostNames?: readonly string[]
  /**
   * Whether staff requests are answered from other machines (`songyun serve --allow-lan-staff`).
   * Off by default: the LAN would see the PIN and the session token in plain HTTP.
   */
  readonly allowStaffOffLoopback?: boolean
  /**
   * Whether the first staff PIN of a fresh data folder may be set over HTTP (`songyun serve
   * --allow-first-pin`). Off by default: any page or process reaching the host could set it first;
   * the kiosk's own Electron window and `songyun staff set-pin` always can.
   */
  readonly allowFirstPinOverHttp?: boolean
  /**
   * The last start's first-screen data if it is fresh for this data folder now
   * (main/web/firstScreenDataCache.ts), else undefined; asked for each page until the services
   * are ready: the page is sent whole from it meanwhile, then from the services.
   */
  readonly cachedFirstScreenData?: () => Promise<FirstScreenData | undefined>
  /**
   * Called before a request waits for the services (a contract request, pack media): a shell
   * that holds their start back (main/web/servicesStartGate.ts) starts them then.
   */
  readonly onServicesNeeded?: () => void
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
  void servicesLoaded.then(
    (services) => {
      if (isClosed) return
      stopForwarding = services.events.onAny((event, payload) => {
        const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`
        for (const stream of eventStreams) stream.write(frame)
      })
    },
    () => undefined,
  )

  let areServicesReady = false
  void servicesLoaded
    .then((services) => services.ready)
    .then(
      () => (areServicesReady = true),
      () => undefined,
    )
  const cachedFirstScreenData = options.cachedFirstScreenData
  /** The cached data for a page, if it may be used; else the page needs the services. */
  const firstScreenCache = async () => {
    const cached =
      cachedFirstScreenData && !areServicesReady
        ? await cachedFirstScreenData().catch(() => undefined)
        : undefined
    if (!cached) options.onServicesNeeded?.()
    return cached
  }
  const needServices = () => {
    options.onServicesNeeded?.()
    return servicesLoaded
  }

  const pageCsp = contentSecurityPolicy()
  // Before listening: the page and the files its head names answer from memory, in one turn.
  const firstScreenFiles = loadFirstScreenFiles(options.rendererDir)
  const pagePath = path.resolve(options.rendererDir, 'index.html')
  const allowedHosts = allowedHostNamesFor(options.host, options.allowedHostNames ?? [])
  if (options.allowStaffOffLoopback && !loopbackNames.has(options.host)) {
    const warn = (message: string) =>
      options.logger
        ? options.logger.warn(message)
        : void servicesLoaded.then(
            (services) => services.options.logger.warn(message),
            () => undefined,
          )
    warn(
      `web host: staff access is open to the network on ${options.host}; the PIN and staff sessions travel there as plain HTTP`,
    )
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(async (error: unknown) => {
      const logger = options.logger ?? (await servicesLoaded.catch(() => undefined))?.options.logger
      logger?.error(`web host: ${(error as Error).stack ?? String(error)}`)
      if (!response.headersSent) response.writeHead(500).end()
      else response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // Every answer carries a policy, whatever its path or case (`/INDEX.HTML` on Windows is a page too).
    response.setHeader('Content-Security-Policy', pageCsp)
    const url = new URL(request.url ?? '/', 'http://kiosk.invalid')
    const pathname = url.pathname
    if (!allowedHosts.has(hostNameOf(request.headers.host))) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('Misdirected request')
      return
    }
    if (pathname === eventStreamPath && request.method === 'GET') {
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
      const channel = decodedOrUndefined(pathname.slice('/api/request/'.length))
      if (channel === undefined) {
        sendJson(response, 400, {
          ok: false,
          error: { code: 'bad-request', message: 'The request path is not valid percent-encoding' },
        })
        return
      }
      const services = await needServices()
      await answerRequest(request, response, services, channel)
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end()
      return
    }
    if (pathname.startsWith('/pack/')) {
      // Even a refusal of a pack path says: nothing here may run or load anything.
      response.setHeader('Content-Security-Policy', packMediaContentSecurityPolicy)
      const rest = url.pathname.slice('/pack/'.length)
      const slash = rest.indexOf('/')
      const packId = slash > 0 ? rest.slice(0, slash) : ''
      // Until the services have started, the built-in pack may not be installed yet.
      const services = await needServices()
      await services.ready.catch(() => undefined)
      const filePath = packId
        ? await services.content.resolveMediaFile(packId, rest.slice(slash + 1))
        : undefined
      const mediaType = filePath ? packMediaTypeOf(filePath) : undefined
      const headers = {
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': packMediaContentSecurityPolicy,
      }
      if (
        !filePath ||
        !mediaType ||
        !(await sendFile(request, response, filePath, {
          extraHeaders: headers,
          contentType: mediaType,
        }))
      ) {
        notFound(response)
      }
      return
    }
    await serveRenderer(request, response, rawPathOf(request.url ?? '/'))
  }

  async function serveRenderer(
    request: IncomingMessage,
    response: ServerResponse,
    rawPath: string,
  ) {
    const filePath = resolveInsideRoot(options.rendererDir, rawPath)
    if (!filePath) {
      notFound(response)
      return
    }
    const isHtml = rawPath === '/' || rawPath.toLowerCase().endsWith('.html')
    const target = rawPath === '/' ? path.join(options.rendererDir, 'index.html') : filePath
    const headers: Record<string, string> = isHtml
      ? { 'Cache-Control': 'no-store' }
      : {
          'Cache-Control': rawPath.startsWith('/assets/')
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        }
    // index.html carries the first screen's data (main/web/firstScreenPage.ts).
    if (isHtml) {
      const html =
        path.resolve(target) === pagePath
          ? firstScreenFiles.page()
          : await readFile(target, 'utf8').catch(() => undefined)
      if (
        await sendFirstScreenPage(
          request,
          response,
          html,
          headers,
          servicesLoaded,
          firstScreenCache,
        )
      )
        return
    }
    const heldBytes = request.headers.range
      ? undefined
      : firstScreenFiles.asset(path.relative(options.rendererDir, target).split(path.sep).join('/'))
    if (heldBytes) {
      sendFileBytes(request, response, target, heldBytes, headers)
      return
    }
    if (!(await sendFile(request, response, target, { extraHeaders: headers }))) notFound(response)
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
    const refusal = refusalOf(request, allowedHosts)
    if (refusal) {
      sendJson(response, refusal.status, {
        ok: false,
        error: { code: refusal.code, message: refusal.message },
      })
      return
    }
    if (channel === 'staff:create-pin' && !options.allowFirstPinOverHttp) {
      sendJson(response, 403, {
        ok: false,
        error: {
          code: 'forbidden',
          message: 'The first staff PIN is set on the kiosk itself, not through the browser host',
        },
      })
      return
    }
    if (
      !options.allowStaffOffLoopback &&
      !isLoopbackPeer(request) &&
      (await isStaffChannel(channel))
    ) {
      sendJson(response, 403, {
        ok: false,
        error: { code: 'forbidden', message: 'Staff access is only answered on the kiosk itself' },
      })
      return
    }
    let body: unknown
    try {
      body = JSON.parse((await readBody(request)) || '{}')
    } catch (error) {
      sendJson(response, 400, {
        ok: false,
        error: {
          code: 'bad-request',
          message: `The request body is not JSON: ${(error as Error).message}`,
        },
      })
      return
    }
    const args =
      typeof body === 'object' && body !== null ? (body as { args?: unknown }).args : undefined
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

/** A percent-decoded path part, or undefined when it is not valid (`%E0` alone is no UTF-8). */
function decodedOrUndefined(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return undefined
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
const wildcardHosts = new Set(['0.0.0.0', '::', '[::]', ''])

/**
 * The host names the server answers to: loopback, the bound address, this machine's own
 * addresses when bound to all of them, and the names the operator configured. An IP literal of
 * this machine cannot be rebound by a foreign DNS name; any other name must be configured.
 */
function allowedHostNamesFor(boundHost: string, configured: readonly string[]): Set<string> {
  const names = new Set<string>(loopbackNames)
  const addNamed = (name: string) =>
    names.add(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name.toLowerCase())
  if (wildcardHosts.has(boundHost)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const { address } of addresses ?? []) addNamed(address)
    }
  } else {
    addNamed(boundHost)
  }
  for (const name of configured) addNamed(name)
  return names
}

/** The name part of a `Host` header (`[::1]` keeps its brackets), lower-cased. */
function hostNameOf(hostHeader: string | undefined): string {
  const value = (hostHeader ?? '').toLowerCase()
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1)
  return value.split(':')[0] ?? ''
}

/**
 * Why a request to the contract is refused, if it is: it must be JSON (a cross-site form cannot
 * send that without a preflight), a browser's request must come from one of the kiosk's own
 * origins with the same host it was sent to, and a browser that says where it came from must say
 * it came from the same origin.
 */
function refusalOf(
  request: IncomingMessage,
  allowedHosts: ReadonlySet<string>,
): { status: number; code: 'forbidden' | 'bad-request'; message: string } | undefined {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (contentType !== 'application/json') {
    return {
      status: 415,
      code: 'bad-request',
      message: 'Requests must be sent as application/json',
    }
  }
  const fetchSite = request.headers['sec-fetch-site']
  const origin = request.headers.origin
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { status: 403, code: 'forbidden', message: 'Cross-site request refused' }
  }
  if (origin === undefined) {
    // Not from a web page (the CLI, tests); a browser page always sends Sec-Fetch-Site with Origin.
    return undefined
  }
  if (fetchSite === undefined) {
    return { status: 403, code: 'forbidden', message: 'A page must send Sec-Fetch-Site' }
  }
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    return { status: 403, code: 'forbidden', message: 'Cross-origin request refused' }
  }
  if (originHost !== request.headers.host || !allowedHosts.has(hostNameOf(originHost))) {
    return { status: 403, code: 'forbidden', message: 'Cross-origin request refused' }
  }
  return undefined
}

/**
 * Staff requests (a PIN, a session) and every request that needs a staff session. The contract's
 * channel table (and zod with it) is imported on the first request from off the machine, not
 * before the host listens (scripts/buildMain.mjs splits the bundle there).
 */
async function isStaffChannel(channel: string): Promise<boolean> {
  if (channel.startsWith('staff:')) return true
  const { isRequestChannel, requestChannels } = await import('../../src/contract/contract')
  return isRequestChannel(channel) && requestChannels[channel].access === 'staff'
}

function isLoopbackPeer(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? ''
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')
}
