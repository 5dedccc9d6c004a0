import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/** Whether this launch may open devtools (a developer's flag, never set on a venue kiosk). */
export function isDevtoolsAllowed(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--devtools') || env.SONGYUN_DEVTOOLS === '1'
}

/** The hardened options of the kiosk window (Electron security checklist, kiosk practice). */
export function kioskWindowOptions(preloadPath: string, allowDevtools: boolean): BrowserWindowConstructorOptions {
  return {
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#f3efe4', // the paper colour, so a slow start is never a white flash
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: allowDevtools,
      backgroundThrottling: false,
    },
  }
}

/** Creates the kiosk window: zoom fixed at 1:1, no context menu, shown once painted. */
export function createKioskWindow(preloadPath: string, allowDevtools: boolean): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(preloadPath, allowDevtools))
  const contents = window.webContents
  contents.setZoomFactor(1)
  void contents.setVisualZoomLevelLimits(1, 1)
  contents.on('zoom-changed', () => contents.setZoomFactor(1))
  contents.on('context-menu', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())
  return window
}
