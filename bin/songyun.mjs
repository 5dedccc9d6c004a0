#!/usr/bin/env node
// The `songyun` command: runs the bundled CLI that `npm run build` writes to out/main/.
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const bundle = fileURLToPath(new URL('../out/main/songyun.mjs', import.meta.url))
if (!existsSync(bundle)) {
  process.stderr.write('songyun: the app is not built yet; run "npm run build" first.\n')
  process.exit(2)
}
await import(pathToFileURL(bundle).href)
