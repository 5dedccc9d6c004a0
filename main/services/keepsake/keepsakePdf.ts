import { pathToFileURL } from 'node:url'
import { findChromium } from '../../../scripts/chromium/findChromium.mjs'
import type { CommandRunner } from '../commandRunner'

/**
 * Prints one HTML file to one PDF file, the page at its `@page` size. The browser shell uses the
 * kiosk's Chromium headless ({@link chromiumPdfRenderer}); Electron prints an offscreen window
 * (main/electron/electronKeepsakePdf.ts).
 */
export type KeepsakePdfRenderer = (htmlPath: string, pdfPath: string) => Promise<void>

/** A headless print of a small card takes a second or two; a busy kiosk may take longer. */
const chromiumPrintTimeoutMs = 60_000

/**
 * Chromium's own `--print-to-pdf`, found as the tests and the browser shell find it
 * (`CHROMIUM_PATH`, else Debian's, else Playwright's). A kiosk without one gets an error naming
 * what to install.
 */
export function chromiumPdfRenderer(
  runCommand: CommandRunner,
  env: NodeJS.ProcessEnv = process.env,
): KeepsakePdfRenderer {
  return async (htmlPath, pdfPath) => {
    const lookup = findChromium({ env })
    if (!lookup.executablePath) {
      throw new Error(
        `no Chromium to print the card to PDF: ${lookup.problem} Install chromium or set CHROMIUM_PATH.`,
      )
    }
    await runCommand(
      lookup.executablePath,
      [
        '--headless',
        // Root (a container, a kiosk user set up as root) cannot use Chromium's sandbox.
        ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--no-pdf-header-footer',
        '--run-all-compositor-stages-before-draw',
        `--print-to-pdf=${pdfPath}`,
        pathToFileURL(htmlPath).href,
      ],
      chromiumPrintTimeoutMs,
    )
  }
}
