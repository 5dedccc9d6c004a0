// The browser shell's screen: Chromium in kiosk mode on the served address, with its profile in
// the kiosk's data folder (never the user's own), incognito and without first-run questions.
import { spawn, spawnSync } from 'node:child_process'
import path from 'node:path'
import { findChromium } from '../chromium/findChromium.mjs'

/** A browser that ends within this long of its start did not start (a refusal, a crash). */
const quickExitMs = 10_000

/** Chromium as the tests find it (scripts/chromium/findChromium.mjs), else one on the PATH. */
export function findKioskBrowser() {
  const found = findChromium().executablePath
  if (found) return found
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const which = spawnSync('which', [name], { encoding: 'utf8' })
    if (which.status === 0) return which.stdout.trim()
  }
  return undefined
}

/**
 * The flags the kiosk browser runs with.
 *
 * @param {string} url
 * @param {string} dataDir the kiosk's data folder
 * @returns {string[]}
 */
export function kioskBrowserArgs(url, dataDir) {
  return [
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${path.join(dataDir, 'kiosk-browser')}`,
    '--incognito',
    '--no-first-run',
    '--no-default-browser-check',
    '--autoplay-policy=no-user-gesture-required',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
  ]
}

/**
 * The line worth showing from a browser's error output: the first ERROR/FATAL line, else the first
 * line that is not the Debian wrapper's harmless "[: … unexpected operator".
 *
 * @param {string} stderr
 * @returns {string | undefined}
 */
export function firstBrowserErrorLine(stderr) {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  return (
    lines.find((line) => /\b(ERROR|FATAL)\b/.test(line)) ??
    lines.find((line) => !/unexpected operator/.test(line))
  )
}

/** What to do about a browser that ended at once, judging by its error line. */
export function adviceForBrowserExit(errorLine, url) {
  if (errorLine && /no-sandbox|as root/i.test(errorLine)) {
    return `Chromium does not run as root: run npm start as an ordinary user (the kiosk is still served at ${url}).`
  }
  return `Open ${url} in a browser yourself, or fix what the line above says and run npm start again.`
}

/**
 * Starts the kiosk browser on `url`; if it ends at once, writes why (its first error line) and
 * what to do to `out`. Returns the child, so `npm start` can close it with the server.
 *
 * @param {{ browser: string, url: string, dataDir: string, out: NodeJS.WritableStream }} options
 */
export function launchKioskBrowser({ browser, url, dataDir, out }) {
  const startedAt = Date.now()
  const child = spawn(browser, kioskBrowserArgs(url, dataDir), {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => {
    if (stderr.length < 64_000) stderr += chunk.toString()
  })
  const report = (what) => {
    const errorLine = firstBrowserErrorLine(stderr)
    out.write(
      `The kiosk browser (${browser}) ${what}${errorLine ? `: ${errorLine}` : ' without a word'}\n` +
        `${adviceForBrowserExit(errorLine, url)}\n`,
    )
  }
  child.on('error', (error) => report(`could not start (${error.message})`))
  // 'close', not 'exit': by then the pipe has given all the browser wrote.
  child.on('close', (code, signal) => {
    if (Date.now() - startedAt > quickExitMs || signal === 'SIGTERM' || code === 0) return
    report(`ended at once (${signal ?? `exit code ${code}`})`)
  })
  return child
}
