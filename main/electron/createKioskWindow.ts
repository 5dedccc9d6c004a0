import { BrowserWindow } from 'electron'

/**
 * Whether this launch may open devtools: a developer's flag or variable, never honoured by a
 * packaged app (a venue kiosk), whatever its command line says.
 */
export function isDevtoolsAllowed(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  isPackaged: boolean,
): boolean {
  if (isPackaged) return false
  return argv.includes('--devtools') || env.SONGYUN_DEVTOOLS === '1'
}

/**
 * Creates the hardened kiosk window (Electron security checklist, kiosk practice): zoom fixed at
 * 1:1, no context menu, shown once painted. The options are a literal at the constructor so the
 * Electronegativity scan in `npm test` can read them.
 */
export function createKioskWindow(preloadPath: string, allowDevtools: boolean): BrowserWindow {
  const window = new BrowserWindow({
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
      // A middle click must not open anything either.
      disableBlinkFeatures: 'Auxclick',
      devTools: allowDevtools,
      backgroundThrottling: false,
    },
  })
  const contents = window.webContents
  contents.setZoomFactor(1)
  void contents.setVisualZoomLevelLimits(1, 1)
  contents.on('zoom-changed', () => contents.setZoomFactor(1))
  contents.on('context-menu', (event) => event.preventDefault())
  window.once('ready-to-show', () => window.show())
  return window
}
