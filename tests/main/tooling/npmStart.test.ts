import { spawn } from 'node:child_process'
import { chmod, readFile, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/tempDataDir'

const appRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Runs `npm start` until its output matches `until`; returns the output so far. */
async function startUntil(
  args: readonly string[],
  env: Record<string, string>,
  until: RegExp,
): Promise<{ output: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: appRoot,
    env: { ...process.env, SONGYUN_SKIP_BUILD: '1', DISPLAY: '', WAYLAND_DISPLAY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never printed ${until}:\n${output}`)), 30_000)
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (until.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', () => reject(new Error(`npm start ended:\n${output}`)))
  })
  return {
    output,
    stop: async () => {
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    },
  }
}

// Needs `npm run build` first, as `npm test` does. Electron's download is pointed at this machine
// (ELECTRON_MIRROR) and its cache at an empty folder, so these tests never install Electron.
describe('npm start without the Electron binary', () => {
  const tempDir = useTempDirs()
  const cleanups: (() => Promise<void>)[] = []

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup()
  })

  async function electronDownloadEnv(mirror: string): Promise<Record<string, string>> {
    return { ELECTRON_MIRROR: mirror, electron_config_cache: await tempDir() }
  }

  async function listen(server: Server): Promise<string> {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections()
          server.close(() => resolve())
        }),
    )
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  }

  it('tries Electron’s own download, names why it failed in one line, and runs the browser shell', async () => {
    // A port that was free a moment ago: the download is refused at once.
    const closedPort = await listen(createServer())
    await cleanups.pop()!()
    const dataDir = await tempDir()
    const started = await startUntil(
      ['--port', '0', '--data-dir', dataDir],
      await electronDownloadEnv(closedPort),
      /served at (http:\/\/\S+)/,
    )
    cleanups.push(started.stop)
    const lines = started.output.split('\n')
    expect(lines[0]).toMatch(
      /^Fetching Electron \d+\.\d+\.\d+ with its own installer \(limit 300 s/,
    )
    expect(lines[1]).toMatch(
      /^Electron could not be fetched \(fetch failed: .*ECONNREFUSED.*\); running the browser shell instead\.$/,
    )
    const url = /served at (http:\/\/\S+)/.exec(started.output)![1]!
    expect((await fetch(url)).status).toBe(200)
  })

  it('gives up at the time limit SONGYUN_ELECTRON_FETCH_SECONDS sets', async () => {
    // A mirror that accepts the request and never answers.
    const silentMirror = await listen(createServer(() => undefined))
    const started = await startUntil(
      ['--port', '0', '--data-dir', await tempDir()],
      { ...(await electronDownloadEnv(silentMirror)), SONGYUN_ELECTRON_FETCH_SECONDS: '1' },
      /served at/,
    )
    cleanups.push(started.stop)
    expect(started.output).toContain(
      'Electron could not be fetched (it did not arrive within the 1 s time limit); running the browser shell instead.',
    )
  })

  it('says why the kiosk browser ended at once, and what to do; its profile stays in the data folder', async () => {
    const dataDir = await tempDir()
    const fakeChromium = path.join(await tempDir(), 'chromium')
    const argsFile = `${fakeChromium}.args`
    // What Debian's Chromium prints when started as root without --no-sandbox.
    await writeFile(
      fakeChromium,
      [
        '#!/bin/sh',
        `printf '%s\\n' "$@" > '${argsFile}'`,
        "echo '/usr/bin/chromium: 9: [: Linux: unexpected operator' >&2",
        "echo '[4242:4242:1206/071500.000000:ERROR:zygote_host_impl_linux.cc(101)] Running as root without --no-sandbox is not supported. See https://crbug.com/638180.' >&2",
        'exit 1',
      ].join('\n'),
    )
    await chmod(fakeChromium, 0o755)
    const started = await startUntil(
      ['--port', '0', '--data-dir', dataDir],
      { SONGYUN_ELECTRON_FETCH_SECONDS: '0', DISPLAY: ':99', CHROMIUM_PATH: fakeChromium },
      /ordinary user/,
    )
    cleanups.push(started.stop)
    expect(started.output).toContain(
      'Electron could not be fetched (fetching is turned off: SONGYUN_ELECTRON_FETCH_SECONDS=0)',
    )
    expect(started.output).toContain(
      `The kiosk browser (${fakeChromium}) ended at once (exit code 1): [4242:4242:1206/071500.000000:ERROR:zygote_host_impl_linux.cc(101)] Running as root without --no-sandbox is not supported.`,
    )
    expect(started.output).toMatch(
      /Chromium does not run as root: run npm start as an ordinary user/,
    )
    const args = (await readFile(argsFile, 'utf8')).trim().split('\n')
    expect(args).toEqual(
      expect.arrayContaining([
        '--kiosk',
        `--user-data-dir=${path.join(dataDir, 'kiosk-browser')}`,
        '--incognito',
        '--no-first-run',
      ]),
    )
    expect(args.some((arg) => arg.startsWith('--app=http://127.0.0.1:'))).toBe(true)
  })
})
