// `npm start`: builds what is stale, then launches Electron; where the Electron binary is missing
// (an offline install cannot download it) it says so in one line and runs the browser shell,
// in Chromium's kiosk mode when there is a display and a Chromium, else it prints the address.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

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

/** The Electron binary's path, without importing `electron` (that would try to download it). */
function electronBinary() {
  const pkgDir = path.join(appRoot, 'node_modules', 'electron')
  const pathFile = path.join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const { readFileSync } = process.getBuiltinModule('node:fs')
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

function findChromium() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' })
    if (found.status === 0) return found.stdout.trim()
  }
  return undefined
}

buildIfStale()
const electron = electronBinary()
if (electron) {
  const child = spawn(electron, [appRoot, ...extraArgs], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  process.stdout.write(
    'Electron is not installed here (its binary cannot be downloaded); running the browser shell instead.\n',
  )
  const server = spawn(
    process.execPath,
    [path.join(appRoot, 'bin', 'songyun.mjs'), 'serve', ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    const match = /served at (http:\/\/\S+)/.exec(chunk.toString())
    const chromium = findChromium()
    if (match && chromium && (process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) {
      spawn(
        chromium,
        [
          '--kiosk',
          `--app=${match[1]}`,
          '--autoplay-policy=no-user-gesture-required',
          '--no-first-run',
          '--disable-translate',
          '--disable-pinch',
          '--overscroll-history-navigation=0',
        ],
        { stdio: 'ignore', detached: true },
      ).unref()
    }
  })
  server.on('exit', (code) => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
}
