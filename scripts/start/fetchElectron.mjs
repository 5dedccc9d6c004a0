// Fetching the Electron binary the way Electron itself does: its own downloader (@electron/get,
// with Electron's checksums and cache, honouring ELECTRON_MIRROR) and then its own installer
// (node_modules/electron/install.js, which finds the zip in that cache and unpacks it). Electron
// 42+ has no postinstall, so on a fresh clone nothing has fetched it yet.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/** The default time limit: Electron's zip is about 110 MB. */
export const defaultElectronFetchLimitSeconds = 300

/**
 * The time limit `npm start` gives the fetch, from SONGYUN_ELECTRON_FETCH_SECONDS (0 turns the
 * fetch off, for a machine known to be offline).
 *
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {number}
 */
export function electronFetchLimitSeconds(env) {
  const text = env.SONGYUN_ELECTRON_FETCH_SECONDS
  if (text === undefined || text === '') return defaultElectronFetchLimitSeconds
  const seconds = Number(text)
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(
      `SONGYUN_ELECTRON_FETCH_SECONDS is "${text}": give a number of seconds (0 never fetches Electron).`,
    )
  }
  return seconds
}

/**
 * The installed Electron binary's path, without importing `electron` (that would fetch it with
 * no time limit).
 *
 * @param {string} appRoot
 * @returns {string | undefined}
 */
export function installedElectronBinary(appRoot) {
  const pkgDir = path.join(appRoot, 'node_modules', 'electron')
  const pathFile = path.join(pkgDir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = path.join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

/** A short reason a fetch failed, for the one line `npm start` prints. */
function reasonOf(error, limitSeconds) {
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') {
    return `it did not arrive within the ${limitSeconds} s time limit`
  }
  const cause = error?.cause?.message ?? error?.cause?.code
  const message = String(error?.message ?? error).split('\n')[0]
  return cause ? `${message}: ${cause}` : message
}

/**
 * Downloads and installs Electron within `limitSeconds`, writing a progress line to `out`.
 * Resolves with the binary, or with the reason it could not.
 *
 * @param {{ appRoot: string, limitSeconds: number, out: NodeJS.WriteStream, env?: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ binary: string } | { reason: string }>}
 */
export async function fetchElectron({ appRoot, limitSeconds, out, env = process.env }) {
  const electronDir = path.join(appRoot, 'node_modules', 'electron')
  const installScript = path.join(electronDir, 'install.js')
  if (!existsSync(installScript))
    return { reason: 'node_modules/electron is missing (run npm install)' }
  const requireFromElectron = createRequire(installScript)
  const { version } = requireFromElectron('./package.json')
  const startedAt = Date.now()
  const showProgress = createProgressLine(
    out,
    `Fetching Electron ${version} with its own installer (limit ${limitSeconds} s; SONGYUN_ELECTRON_FETCH_SECONDS changes it)`,
  )
  try {
    const { downloadArtifact } = await import(
      pathToFileURL(requireFromElectron.resolve('@electron/get')).href
    )
    // The same choices as install.js, so it finds this download in the cache.
    const platform = env.ELECTRON_INSTALL_PLATFORM || env.npm_config_platform || process.platform
    const arch = env.ELECTRON_INSTALL_ARCH || env.npm_config_arch || process.arch
    await downloadArtifact({
      version,
      artifactName: 'electron',
      platform,
      arch,
      cacheRoot: env.electron_config_cache,
      checksums: requireFromElectron('./checksums.json'),
      downloadOptions: {
        quiet: true,
        signal: AbortSignal.timeout(limitSeconds * 1000),
        getProgressCallback: ({ percent, total }) => showProgress(percent, total),
      },
    })
    const remainingMs = Math.max(1000, limitSeconds * 1000 - (Date.now() - startedAt))
    const install = spawnSync(process.execPath, [installScript], {
      env,
      encoding: 'utf8',
      timeout: remainingMs,
    })
    if (install.error || install.status !== 0) {
      const firstLine = `${install.stderr ?? ''}`.split('\n').find((line) => line.trim())
      return {
        reason: `Electron's installer failed: ${install.error?.message ?? firstLine ?? `exit ${install.status}`}`,
      }
    }
    const binary = installedElectronBinary(appRoot)
    return binary ? { binary } : { reason: "Electron's installer left no binary behind" }
  } catch (error) {
    return { reason: reasonOf(error, limitSeconds) }
  } finally {
    showProgress.end()
  }
}

/**
 * One line that says what is being fetched, and how far it has got: rewritten in place on a
 * terminal, a new line every 10 % elsewhere (a log).
 */
function createProgressLine(out, title) {
  out.write(`${title}…\n`)
  let lastTenth = -1
  let hasProgress = false
  const show = (fraction, totalBytes) => {
    const percent = Math.floor(fraction * 100)
    const megabytes = totalBytes ? ` of ${(totalBytes / 1e6).toFixed(0)} MB` : ''
    if (out.isTTY) {
      hasProgress = true
      out.write(`\r  ${percent} %${megabytes}   `)
    } else if (Math.floor(percent / 10) > lastTenth) {
      lastTenth = Math.floor(percent / 10)
      out.write(`  ${percent} %${megabytes}\n`)
    }
  }
  show.end = () => {
    if (hasProgress) out.write('\n')
  }
  return show
}
