/**
 * The only code that knows which shell the renderer runs in: Electron's preload provides
 * `window.kiosk`; the browser shell is reached over HTTP. Everything else imports from here.
 */
import type { KioskApi } from '../../src/contract/contract'
import { createBrowserKioskApi } from './browserKioskApi'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the browser shell. */
    kiosk?: KioskApi
  }
}

/** Which shell carries the renderer, as the renderer can tell. */
export const isElectronShell = typeof window !== 'undefined' && window.kiosk !== undefined

let api: KioskApi | undefined

/** The contract, whichever shell carries it. */
export function kioskApi(): KioskApi {
  api ??= window.kiosk ?? createBrowserKioskApi()
  return api
}

/** Replaces the API (component tests give a fake one). */
export function setKioskApiForTesting(fake: KioskApi | undefined): void {
  api = fake
}

/** The URL of a file inside an active pack. */
export function packMediaUrl(packId: string, relativePath: string): string {
  const encoded = relativePath.split('/').map(encodeURIComponent).join('/')
  return isElectronShell
    ? `pack://${packId}/${encoded}`
    : `/pack/${encodeURIComponent(packId)}/${encoded}`
}
