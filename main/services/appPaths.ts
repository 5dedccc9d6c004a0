import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The folder that holds `package.json`, `assets/` and `out/`: found by walking up from this
 * module, so it works from the sources (tests), the esbuild bundle in `out/main/` and app.asar.
 */
export function findAppRoot(startDir = path.dirname(fileURLToPath(import.meta.url))): string {
  let dir = startDir
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'assets')))
      return dir
    const parent = path.dirname(dir)
    if (parent === dir) throw new Error(`Cannot find the app root above ${startDir}`)
    dir = parent
  }
}

/** Where the built renderer is served from. */
export function rendererDistDir(appRoot: string): string {
  return path.join(appRoot, 'out', 'renderer')
}

/** The sources of the built-in demo pack. */
export function builtinPackSourceDir(appRoot: string): string {
  return path.join(appRoot, 'assets', 'packs', 'songyun.core')
}
