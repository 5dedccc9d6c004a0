import { realpathSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

// The real `electron` module downloads its binary when imported; tests reach a stub that throws
// unless the test mocks it with vi.mock('electron', …).
const electronStub = fileURLToPath(new URL('./tests/fixtures/electronStub.ts', import.meta.url))

export default defineConfig({
  test: {
    env: { ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron' },
    projects: [
      {
        test: { name: 'core', environment: 'node', include: ['tests/core/**/*.test.ts'] },
      },
      {
        resolve: { alias: { electron: electronStub } },
        test: {
          name: 'main',
          environment: 'node',
          include: ['tests/main/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [vue()],
        // Assets imported by URL from a package (`?url`) are served only from allowed folders: the
        // packages' real folder too, where node_modules is a link to another checkout's.
        server: { fs: { allow: ['.', realpathSync('node_modules')] } },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.ts'],
        },
      },
    ],
  },
})
