import { app } from 'electron'
import { appOrigin } from './appSchemes'

/**
 * Every web contents stays on the app's origin: navigation elsewhere is cancelled, new windows
 * are denied and `<webview>` cannot attach (Electron security checklist items 11–14).
 */
export function lockNavigation(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/**
 * Whether a URL is on the app's own origin, compared by scheme and host, never by prefix.
 * (`URL.origin` is "null" for custom schemes in Node, so it cannot be compared.)
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    const app = new URL(appOrigin)
    return parsed.protocol === app.protocol && parsed.host === app.host
  } catch {
    return false
  }
}
