import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { SongyunServer, type SongyunServerOptions } from '../../tests/e2e/support/songyunServer'

// The end-to-end tests' server is the one the benches start too, so both measure the same thing.
export { SongyunServer }

/**
 * Starts a real `songyun serve` on a free port with a fresh data folder (optional settings.json),
 * from this repository or from a snapshot of the built app (`options.appRoot`, see appSnapshot.ts).
 */
export function startKioskServer(
  settings?: Record<string, unknown>,
  options?: SongyunServerOptions,
): Promise<SongyunServer> {
  return SongyunServer.start(settings, options)
}

/** A running baseline server: one static page from a bare Node http server. */
export interface BareStaticServer {
  readonly url: string
  stop(): Promise<void>
}

const bareServerScript = fileURLToPath(new URL('./bareStaticServer.mjs', import.meta.url))

/** Starts the bare static page server the same way `songyun serve` is started (a Node process). */
export function startBareStaticServer(): Promise<BareStaticServer> {
  const child = spawn(process.execPath, [bareServerScript], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let buffered = ''
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString()
      const match = /served at (http:\/\/\S+)/.exec(buffered)
      if (!match?.[1]) return
      resolve({
        url: match[1],
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    })
    child.once('exit', (code) => reject(new Error(`bare static server exited with ${code}`)))
  })
}
