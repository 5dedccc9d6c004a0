import { writeFile } from 'node:fs/promises'
import { BrowserWindow } from 'electron'
import type { KeepsakePdfRenderer } from '../services/keepsake/keepsakePdf'

/** The part of an offscreen window the keepsake print uses (tests give a fake). */
export interface KeepsakePrintWindow {
  loadFile(filePath: string): Promise<void>
  readonly webContents: {
    printToPDF(options: Electron.PrintToPDFOptions): Promise<Buffer>
  }
  destroy(): void
}

/** A hidden, offscreen window with no script and no node: the card page needs neither. */
function offscreenWindow(): KeepsakePrintWindow {
  return new BrowserWindow({
    show: false,
    // The kiosk window's hardening (createKioskWindow.ts), though this page runs no script at all.
    webPreferences: {
      offscreen: true,
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    },
  })
}

/**
 * Electron's keepsake PDF: the card page loaded in an offscreen window and printed with
 * `printToPDF` at its `@page` size, so a packaged kiosk needs no separate Chromium. The window
 * lives for one card and is destroyed whatever happens.
 */
export function electronKeepsakePdfRenderer(
  createWindow: () => KeepsakePrintWindow = offscreenWindow,
): KeepsakePdfRenderer {
  return async (htmlPath, pdfPath) => {
    const window = createWindow()
    try {
      await window.loadFile(htmlPath)
      const pdf = await window.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
      })
      await writeFile(pdfPath, pdf)
    } finally {
      window.destroy()
    }
  }
}
