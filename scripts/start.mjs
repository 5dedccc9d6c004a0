// `npm start`: builds what is stale, then runs the Electron shell. Where Electron's binary is not
// installed yet (Electron 42+ fetches it on first use), it fetches it the way Electron does, with
// a progress line and a time limit; only where that fails does it say why in one line and run
// the browser shell, in Chromium's kiosk mode when there is a display and a Chromium, else it
// prints the address.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  electronFetchLimitSeconds,
  fetchElectron,
  installedElectronBinary,
} from './start/fetchElectron.mjs'
import { findKioskBrowser, launchKioskBrowser } from './start/kioskBrowser.mjs'

const appRoot = fileURLToPath(new URL('..', import.meta.url))
const stampFile = path.join(appRoot, 'out', '.build-stamp')
const sourceDirs = ['src', 'main', 'renderer', 'assets']
const extraArgs = process.argv.slice(2)

function newestMtimeMs(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(full) : statSync(full).mtimeMs)
  }
  return newest
}

function buildIfStale() {
  // Set by tests that have just built the app.
  if (process.env.SONGYUN_SKIP_BUILD === '1') return
  const builtAt = existsSync(stampFile) ? statSync(stampFile).mtimeMs : 0
  const changedAt = Math.max(...sourceDirs.map((d) => newestMtimeMs(path.join(appRoot, d))))
  if (changedAt <= builtAt) return
  const result = spawnSync('npm', ['run', 'build'], { cwd: appRoot, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
  writeFileSync(stampFile, new Date().toISOString())
}

/** The Electron binary, fetched if need be; or why there is none. */
async function electronOrReason() {
  const installed = installedElectronBinary(appRoot)
  if (installed) return { binary: installed }
  let limitSeconds
  try {
    limitSeconds = electronFetchLimitSeconds(process.env)
  } catch (error) {
    return { reason: error.message }
  }
  if (limitSeconds === 0) {
    return { reason: 'fetching is turned off: SONGYUN_ELECTRON_FETCH_SECONDS=0' }
  }
  return fetchElectron({ appRoot, limitSeconds, out: process.stdout })
}

function runElectron(binary) {
  const child = spawn(binary, [appRoot, ...extraArgs], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}

function runBrowserShell() {
  const server = spawn(
    process.execPath,
    [path.join(appRoot, 'bin', 'songyun.mjs'), 'serve', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
  let output = ''
  let browser
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (browser || !hasDisplay) return
    output += chunk.toString()
    const url = /served at (http:\/\/\S+)/.exec(output)?.[1]
    const dataDir = /^Data folder: (.+)$/m.exec(output)?.[1]
    if (!url || !dataDir) return
    const browserPath = findKioskBrowser()
    if (!browserPath) {
      process.stdout.write(`No Chromium to show it in: open ${url} in a browser.\n`)
      browser = 'none'
      return
    }
    browser = launchKioskBrowser({ browser: browserPath, url, dataDir, out: process.stdout })
  })
  server.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (typeof browser === 'object') browser.kill('SIGTERM')
      server.kill(signal)
    })
  }
}

buildIfStale()
const electron = await electronOrReason()
if (electron.binary) {
  runElectron(electron.binary)
} else {
  process.stdout.write(
    `Electron could not be fetched (${electron.reason}); running the browser shell instead.\n`,
  )
  runBrowserShell()
}
