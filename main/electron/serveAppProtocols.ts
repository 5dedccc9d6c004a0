import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { protocol } from 'electron'
import { contentSecurityPolicy } from '../security/contentSecurityPolicy'
import { packMediaContentSecurityPolicy, packMediaTypeOf } from '../security/packMediaPolicy'
import type { KioskServices } from '../services/kioskServices'
import { resolveInsideRoot } from '../services/safePath'
import { parseByteRange } from '../web/byteRange'
import { mimeTypeOf } from '../web/mimeTypes'
import { appScheme, packScheme } from './appSchemes'

/**
 * Serves the renderer over `app://kiosk/…` (with the CSP header) and active pack media over
 * `pack://<packId>/…`, both with byte ranges (Electron's own file loader ignores `Range`, which
 * breaks audio seeking: electron/electron#38749). No path can leave its root.
 */
export function serveAppProtocols(rendererDir: string, services: KioskServices): void {
  const csp = contentSecurityPolicy([`${packScheme}:`])
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url)
    const rawPath = url.pathname === '/' ? '/index.html' : url.pathname
    const filePath = resolveInsideRoot(rendererDir, rawPath)
    if (!filePath) return new Response('Not found', { status: 404 })
    // Every answer carries the policy, whatever the case of its name (`/INDEX.HTML` on Windows).
    return fileResponse(filePath, request.headers.get('range'), { 'Content-Security-Policy': csp })
  })
  protocol.handle(packScheme, async (request) => {
    const url = new URL(request.url)
    // Until the services have started, the built-in pack may not be installed yet.
    await services.ready.catch(() => undefined)
    const filePath = await services.content.resolveMediaFile(url.hostname, url.pathname.slice(1))
    const mediaType = filePath ? packMediaTypeOf(filePath) : undefined
    if (!filePath || !mediaType) return new Response('Not found', { status: 404 })
    return fileResponse(filePath, request.headers.get('range'), {
      'Content-Type': mediaType,
      'Content-Security-Policy': packMediaContentSecurityPolicy,
    })
  })
}

/** A file as a fetch `Response`, 206 for a satisfiable range. */
export async function fileResponse(
  filePath: string,
  rangeHeader: string | null,
  extraHeaders: Record<string, string>,
): Promise<Response> {
  let size: number
  try {
    const info = await stat(filePath)
    if (!info.isFile()) return new Response('Not found', { status: 404 })
    size = info.size
  } catch {
    return new Response('Not found', { status: 404 })
  }
  const headers = {
    'Content-Type': mimeTypeOf(filePath),
    'Accept-Ranges': 'bytes',
    ...extraHeaders,
  }
  const range = parseByteRange(rangeHeader ?? undefined, size)
  if (range === 'unsatisfiable') {
    return new Response(null, {
      status: 416,
      headers: { ...headers, 'Content-Range': `bytes */${size}` },
    })
  }
  const stream = createReadStream(filePath, range ?? {})
  const body = Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>
  if (!range) {
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Length': String(size) },
    })
  }
  return new Response(body, {
    status: 206,
    headers: {
      ...headers,
      'Content-Length': String(range.end - range.start + 1),
      'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
    },
  })
}
