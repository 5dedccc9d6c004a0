import { EventEmitter } from 'node:events'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// The real module downloads a binary: every Electron API the shell touches is faked here.
const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events')
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    whenReady: vi.fn(async () => undefined),
  })
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  return {
    app,
    handlers,
    protocolHandlers,
    ipcMain: {
      handle: vi.fn((channel: string, fn: (...args: unknown[]) => unknown) =>
        handlers.set(channel, fn),
      ),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, fn: (request: Request) => Promise<Response>) =>
        protocolHandlers.set(scheme, fn),
      ),
    },
    session: {
      defaultSession: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
    Menu: { setApplicationMenu: vi.fn() },
    powerSaveBlocker: { start: vi.fn(() => 7) },
    BrowserWindow: vi.fn(),
  }
})
vi.mock('electron', () => electron)

import { isDevtoolsAllowed, createKioskWindow } from '../../../main/electron/createKioskWindow'
import {
  dataDirArgument,
  refuseDebuggingWhenPackaged,
} from '../../../main/electron/refuseDebuggingWhenPackaged'
import { lockNavigation, isAppUrl } from '../../../main/electron/lockNavigation'
import { denyPermissions } from '../../../main/electron/denyPermissions'
import { bindContractToIpc, isTrustedSender } from '../../../main/electron/bindContractToIpc'
import { requestIpcChannel } from '../../../main/electron/ipcChannels'
import { serveAppProtocols } from '../../../main/electron/serveAppProtocols'
import { removeApplicationMenu } from '../../../main/electron/removeApplicationMenu'
import { keepDisplayAwake } from '../../../main/electron/keepDisplayAwake'
import { disallowSecondInstance } from '../../../main/electron/disallowSecondInstance'
import { KioskServices } from '../../../main/services/kioskServices'
import { requestChannels } from '../../../src/contract/contract'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

const builtinPackDir = fileURLToPath(new URL('../../../assets/packs/songyun.core', import.meta.url))

describe('Electron shell wiring (electron mocked)', () => {
  const tempDir = useTempDirs()
  beforeEach(() => {
    electron.handlers.clear()
    electron.protocolHandlers.clear()
    electron.app.removeAllListeners()
    vi.clearAllMocks()
  })

  async function services() {
    return KioskServices.start({
      dataDir: await tempDir(),
      appVersion: '1.0.0',
      shell: 'electron',
      logger: recordingLogger(),
      builtinPackDir,
    })
  }

  it('hardens the kiosk window (the options given to new BrowserWindow)', () => {
    const contents = Object.assign(new EventEmitter(), {
      setZoomFactor: vi.fn(),
      setVisualZoomLevelLimits: vi.fn(async () => undefined),
    })
    electron.BrowserWindow.mockImplementation(function () {
      return Object.assign(new EventEmitter(), { webContents: contents, show: vi.fn() })
    })
    createKioskWindow('/app/preload.cjs', false)
    const options = electron.BrowserWindow.mock.calls[0]![0] as {
      kiosk: boolean
      webPreferences: object
    }
    expect(options.kiosk).toBe(true)
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
      preload: '/app/preload.cjs',
    })
    expect(isDevtoolsAllowed(['electron', '.'], {}, false)).toBe(false)
    expect(isDevtoolsAllowed(['electron', '.', '--devtools'], {}, false)).toBe(true)
  })

  it('a packaged build ignores --remote-debugging-port, --devtools, SONGYUN_DEVTOOLS and --data-dir=', () => {
    const given = new Set(['remote-debugging-port', 'inspect'])
    const commandLine = {
      hasSwitch: vi.fn((name: string) => given.has(name)),
      removeSwitch: vi.fn((name: string) => given.delete(name)),
    }
    Object.assign(electron.app, { isPackaged: true, commandLine })
    try {
      expect(refuseDebuggingWhenPackaged().sort()).toEqual(['inspect', 'remote-debugging-port'])
      expect(given.size).toBe(0)
      expect(isDevtoolsAllowed(['kiosk', '--devtools'], { SONGYUN_DEVTOOLS: '1' }, true)).toBe(
        false,
      )
      expect(dataDirArgument(['kiosk', '--data-dir=/tmp/elsewhere'], true)).toBeUndefined()
      expect(dataDirArgument(['kiosk', '--data-dir=/tmp/elsewhere'], false)).toBe('/tmp/elsewhere')
      Object.assign(electron.app, { isPackaged: false })
      given.add('remote-debugging-port')
      expect(refuseDebuggingWhenPackaged()).toEqual([])
      expect(given.has('remote-debugging-port')).toBe(true)
    } finally {
      Object.assign(electron.app, { isPackaged: undefined, commandLine: undefined })
    }
  })

  it('fixes zoom at 1:1 and suppresses the context menu', () => {
    const contents = Object.assign(new EventEmitter(), {
      setZoomFactor: vi.fn(),
      setVisualZoomLevelLimits: vi.fn(async () => undefined),
    })
    const windowEmitter = Object.assign(new EventEmitter(), {
      webContents: contents,
      show: vi.fn(),
    })
    electron.BrowserWindow.mockImplementation(function () {
      return windowEmitter
    })
    createKioskWindow('/p.cjs', false)
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1)
    const event = { preventDefault: vi.fn() }
    contents.emit('context-menu', event)
    expect(event.preventDefault).toHaveBeenCalled()
    contents.emit('zoom-changed')
    expect(contents.setZoomFactor).toHaveBeenLastCalledWith(1)
  })

  it('denies navigation away from app://, new windows and webviews', () => {
    lockNavigation()
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() })
    electron.app.emit('web-contents-created', {}, contents)
    const away = { preventDefault: vi.fn() }
    contents.emit('will-navigate', away, 'https://example.com/')
    expect(away.preventDefault).toHaveBeenCalled()
    const lookalike = { preventDefault: vi.fn() }
    contents.emit('will-navigate', lookalike, 'app://kiosk.evil/')
    expect(lookalike.preventDefault).toHaveBeenCalled()
    const home = { preventDefault: vi.fn() }
    contents.emit('will-navigate', home, 'app://kiosk/index.html')
    expect(home.preventDefault).not.toHaveBeenCalled()
    const webview = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', webview)
    expect(webview.preventDefault).toHaveBeenCalled()
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as () => { action: string }
    expect(openHandler().action).toBe('deny')
    expect(isAppUrl('file:///etc/passwd')).toBe(false)
  })

  it('denies permission requests', () => {
    denyPermissions()
    const handler = electron.session.defaultSession.setPermissionRequestHandler.mock
      .calls[0]![0] as (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      const callback = vi.fn()
      handler({}, permission, callback)
      expect(callback, permission).toHaveBeenCalledWith(false)
    }
  })

  it('removes the menu, blocks display sleep and keeps one instance', () => {
    removeApplicationMenu()
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null)
    expect(keepDisplayAwake()).toBe(7)
    expect(electron.powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep')
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false)
    expect(disallowSecondInstance(() => undefined)).toBe(false)
    expect(electron.app.quit).toHaveBeenCalled()
  })

  it('has a handler for every request of the contract', async () => {
    const kiosk = await services()
    expect(Object.keys(kiosk.handlers).sort()).toEqual(Object.keys(requestChannels).sort())
  })

  it('answers IPC only from the app origin top frame, parsing arguments', async () => {
    const kiosk = await services()
    bindContractToIpc(kiosk, () => undefined)
    const handler = electron.handlers.get(requestIpcChannel)!
    const fromApp = { senderFrame: { url: 'app://kiosk/index.html', parent: null } }
    await expect(handler(fromApp, 'app:info', undefined)).resolves.toMatchObject({
      ok: true,
      result: { shell: 'electron' },
    })
    const fromElsewhere = { senderFrame: { url: 'https://evil.example/', parent: null } }
    await expect(handler(fromElsewhere, 'app:info', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const fromSubframe = { senderFrame: { url: 'app://kiosk/index.html', parent: {} } }
    expect(isTrustedSender(fromSubframe as never)).toBe(false)
    await expect(handler(fromApp, 'settings:update', { volume: 2 })).resolves.toMatchObject({
      ok: false,
    })
    await expect(handler(fromApp, 'analytics:record', { type: 'nope' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    })
  })

  it('serves app:// and pack:// without escaping their roots, with ranges', async () => {
    const kiosk = await services()
    const rendererDir = await tempDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(path.join(rendererDir, 'index.html'), '<title>k</title>')
    serveAppProtocols(rendererDir, kiosk)
    const app = electron.protocolHandlers.get('app')!
    const pack = electron.protocolHandlers.get('pack')!
    const page = await app(new Request('app://kiosk/'))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect((await app(new Request('app://kiosk/%2e%2e/%2e%2e/etc/passwd'))).status).toBe(404)
    expect((await pack(new Request('pack://songyun.core/..%2f..%2fpackage.json'))).status).toBe(404)
    const part = await pack(
      new Request('pack://songyun.core/manifest.json', { headers: { Range: 'bytes=0-9' } }),
    )
    expect(part.status).toBe(206)
    expect((await part.text()).length).toBe(10)
    // One file responder for both shells: no file is left for the browser to sniff.
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(part.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('opens on the starting screen at once: app:// answers before the services have started, pack:// waits for them', async () => {
    // A first start: the built-in pack is installed in the background (KioskServices.begin).
    const kiosk = KioskServices.begin({
      dataDir: await tempDir(),
      appVersion: '1.0.0',
      shell: 'electron',
      logger: recordingLogger(),
      builtinPackDir,
    })
    let isReady = false
    void kiosk.ready.then(() => (isReady = true))
    const rendererDir = await tempDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(path.join(rendererDir, 'index.html'), '<title>starting</title>')
    serveAppProtocols(rendererDir, kiosk)
    const page = await electron.protocolHandlers.get('app')!(new Request('app://kiosk/'))
    expect(page.status).toBe(200)
    expect(isReady).toBe(false)
    // Asked for before the install has finished, the built-in pack's media is still found.
    const manifest = await electron.protocolHandlers.get('pack')!(
      new Request('pack://songyun.core/manifest.json'),
    )
    expect(manifest.status).toBe(200)
    expect(isReady).toBe(true)
    kiosk.dispose()
  })
})
