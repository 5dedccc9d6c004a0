import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Where to run from: by default this repository (its bin/ and built out/). */
export interface SongyunServerOptions {
  /** A copy of the built app (bench/support/appSnapshot.ts), so a rebuild elsewhere cannot disturb a long run. */
  readonly appRoot?: string
  /** Folders whose subfolders the server treats as USB sticks (`serve --media-root`). */
  readonly mediaRoots?: readonly string[]
  /** Variables added to the server's environment (a fake `lp` first on `PATH`). */
  readonly env?: Readonly<Record<string, string>>
}

/** A real `songyun serve` process on a free port with its own data folder. */
export class SongyunServer {
  #process: ChildProcess | undefined
  #url = ''
  readonly logLines: string[] = []

  private constructor(
    readonly dataDir: string,
    private readonly appRoot: string,
    private readonly mediaRoots: readonly string[] = [],
    private readonly env: Readonly<Record<string, string>> = {},
  ) {}

  /** Makes a fresh data folder, optionally with a settings.json, and starts the server. */
  static async start(
    settings?: Record<string, unknown>,
    options: SongyunServerOptions = {},
  ): Promise<SongyunServer> {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'songyun-e2e-'))
    if (settings) await writeFile(path.join(dataDir, 'settings.json'), JSON.stringify(settings))
    const server = new SongyunServer(
      dataDir,
      options.appRoot ?? repositoryRoot,
      options.mediaRoots,
      options.env,
    )
    await server.startProcess()
    return server
  }

  get url(): string {
    return this.#url
  }

  async writeDataFile(relativePath: string, content: string): Promise<void> {
    const file = path.join(this.dataDir, relativePath)
    await mkdir(path.dirname(file), { recursive: true })
    await writeFile(file, content)
  }

  private async startProcess(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        path.join(this.appRoot, 'bin', 'songyun.mjs'),
        // The tests set the first PIN from the PIN pad, as a browser-shell kiosk may be told to.
        ...['serve', '--port', '0', '--data-dir', this.dataDir, '--allow-first-pin'],
        ...this.mediaRoots.flatMap((root) => ['--media-root', root]),
      ],
      {
        cwd: this.appRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SONGYUN_DEV: '1', ...this.env },
      },
    )
    this.#process = child
    child.stderr?.on('data', (chunk: Buffer) =>
      this.logLines.push(...chunk.toString().split('\n').filter(Boolean)),
    )
    this.#url = await new Promise<string>((resolve, reject) => {
      let buffered = ''
      const timer = setTimeout(
        () => reject(new Error(`songyun serve did not start:\n${this.logLines.join('\n')}`)),
        20_000,
      )
      child.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        const match = /served at (http:\/\/\S+)/.exec(buffered)
        if (match?.[1]) {
          clearTimeout(timer)
          resolve(match[1])
        }
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`songyun serve exited with ${code}:\n${this.logLines.join('\n')}`))
      })
    })
  }

  /**
   * Stops the process (as a kiosk restart would) and starts it again on the same data folder.
   * `onStopped` runs between the two, so a bench can time the start alone.
   */
  async restart(onStopped?: () => void): Promise<void> {
    await this.stopProcess()
    onStopped?.()
    await this.startProcess()
  }

  private async stopProcess(): Promise<void> {
    const child = this.#process
    if (!child || child.exitCode !== null) return
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }

  async stop(): Promise<void> {
    await this.stopProcess()
    await rm(this.dataDir, { recursive: true, force: true })
  }
}
