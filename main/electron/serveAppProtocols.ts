import { protocol } from 'electron'
import { contentSecurityPolicy } from '../security/contentSecurityPolicy'
import { packMediaContentSecurityPolicy, packMediaTypeOf } from '../security/packMediaPolicy'
import type { KioskServices } from '../services/kioskServices'
import { resolveInsideRoot } from '../services/safePath'
import { fileResponse } from '../web/fileResponder'
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
    const response = await fileResponse(filePath, {
      rangeHeader: request.headers.get('range'),
      isHead: request.method === 'HEAD',
      extraHeaders: { 'Content-Security-Policy': csp },
    })
    return response ?? new Response('Not found', { status: 404 })
  })
  protocol.handle(packScheme, async (request) => {
    const url = new URL(request.url)
    // Until the services have started, the built-in pack may not be installed yet.
    await services.ready.catch(() => undefined)
    const filePath = await services.content.resolveMediaFile(url.hostname, url.pathname.slice(1))
    const mediaType = filePath ? packMediaTypeOf(filePath) : undefined
    if (!filePath || !mediaType) return new Response('Not found', { status: 404 })
    const response = await fileResponse(filePath, {
      rangeHeader: request.headers.get('range'),
      isHead: request.method === 'HEAD',
      contentType: mediaType,
      extraHeaders: { 'Content-Security-Policy': packMediaContentSecurityPolicy },
    })
    return response ?? new Response('Not found', { status: 404 })
  })
}
