import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { useTempDirs } from '../support/tempDataDir'

const appRoot = fileURLToPath(new URL('../../../', import.meta.url))

describe('npm start without the Electron binary', () => {
  const tempDir = useTempDirs()

  // Needs `npm run build` first, as `npm test` does.
  it('says so in one line and runs the browser shell, printing its address', async () => {
    const dataDir = await tempDir()
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', dataDir], {
      cwd: appRoot,
      env: { ...process.env, SONGYUN_SKIP_BUILD: '1', DISPLAY: '', WAYLAND_DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed:\n${output}`)), 20_000)
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        const match = /served at (http:\/\/\S+)/.exec(output)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
    })
    const [firstLine] = output.split('\n')
    expect(firstLine).toMatch(/Electron is not installed.*browser shell/)
    const page = await fetch(url)
    expect(page.status).toBe(200)
    child.kill('SIGTERM')
    await new Promise((resolve) => child.once('exit', resolve))
  })
})
