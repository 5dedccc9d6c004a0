// Bundles the Node side: the CLI (ESM), the Electron main process (ESM) and the preload
// (one CommonJS file, as a sandboxed preload must be). Dependencies are bundled in, except
// electron: resolving and loading some twenty packages from node_modules one file at a time took
// about a third of `songyun serve`'s start (bench serve-start). The CLI is split at its dynamic
// imports (out/main/chunks/): `songyun serve` listens after loading only the web host, and loads
// the services' code (zod, the pack readers, iconv-lite: most of the 1.9 MB) while the browser
// fetches the page.
import { rm } from 'node:fs/promises'
import { build } from 'esbuild'

// The bundled CommonJS packages expect `require` and `__filename` (write-file-atomic names its
// temp files after it), which an ES module does not define.
const esmBanner = {
  js: [
    "import { createRequire as __createRequire } from 'node:module';",
    "import { fileURLToPath as __fileURLToPath } from 'node:url';",
    'const require = __createRequire(import.meta.url);',
    'const __filename = __fileURLToPath(import.meta.url);',
  ].join(' '),
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
}

// Chunk names carry a hash: without this, every build would leave the last one's behind.
await rm('out/main/chunks', { recursive: true, force: true })

await Promise.all([
  build({
    ...common,
    entryPoints: { songyun: 'main/cli/songyun.ts' },
    outdir: 'out/main',
    format: 'esm',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    external: ['electron'],
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: { electron: 'main/electron/electronMain.ts' },
    outdir: 'out/main',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    external: ['electron'],
    banner: esmBanner,
  }),
  build({
    ...common,
    entryPoints: { preload: 'main/preload/preload.ts' },
    outdir: 'out/preload',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    platform: 'node',
  }),
])
