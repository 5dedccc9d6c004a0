// Bundles the Node side: the CLI (ESM), the Electron main process (ESM) and the preload
// (one CommonJS file, as a sandboxed preload must be). Dependencies are bundled in, except
// electron: resolving and loading some twenty packages from node_modules one file at a time took
// about a third of `songyun serve`'s start (bench serve-start).
import { build } from 'esbuild'

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
}

await Promise.all([
  build({
    ...common,
    entryPoints: { songyun: 'main/cli/songyun.ts', electron: 'main/electron/electronMain.ts' },
    outdir: 'out/main',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    external: ['electron'],
    // The bundled CommonJS packages expect `require` and `__filename` (write-file-atomic names its
    // temp files after it), which an ES module does not define.
    banner: {
      js: [
        "import { createRequire as __createRequire } from 'node:module';",
        "import { fileURLToPath as __fileURLToPath } from 'node:url';",
        'const require = __createRequire(import.meta.url);',
        'const __filename = __fileURLToPath(import.meta.url);',
      ].join(' '),
    },
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
