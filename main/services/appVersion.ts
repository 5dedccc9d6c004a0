import { readFileSync } from 'node:fs'
import path from 'node:path'

/** The app's version from its package.json. */
export function readAppVersion(appRoot: string): string {
  const pkg = JSON.parse(readFileSync(path.join(appRoot, 'package.json'), 'utf8')) as {
    version?: string
  }
  return pkg.version ?? '0.0.0'
}
