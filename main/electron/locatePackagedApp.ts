import path from 'node:path'
import { builtinPackSourceDir, findAppRoot } from '../services/appPaths'

/** Where the Electron shell finds its own files. */
export interface ElectronAppLocation {
  /** Holds package.json and out/ (app.asar once packaged). */
  readonly appRoot: string
  /** The built-in content pack's folder. */
  readonly builtinPackDir: string
}

/** What Electron says about how it was started (app.isPackaged, app.getAppPath(), process.resourcesPath). */
export interface ElectronStartFacts {
  readonly isPackaged: boolean
  readonly appPath: string
  readonly resourcesPath: string
}

/**
 * From the repository the shell runs out of the sources' folders; once packaged by
 * electron-builder (electron-builder.yml) the app is app.asar and the built-in pack is an
 * extraResource beside it, at resources/packs/songyun.core.
 */
export function locatePackagedApp(facts: ElectronStartFacts): ElectronAppLocation {
  if (!facts.isPackaged) {
    const appRoot = findAppRoot()
    return { appRoot, builtinPackDir: builtinPackSourceDir(appRoot) }
  }
  return {
    appRoot: facts.appPath,
    builtinPackDir: path.join(facts.resourcesPath, 'packs', 'songyun.core'),
  }
}
