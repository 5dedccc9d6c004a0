import { defineConfig } from '@playwright/test'

/** Debian's Chromium (never a downloaded browser); see shared/environment.md. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    hasTouch: true,
    isMobile: false,
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--autoplay-policy=no-user-gesture-required',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--enable-precise-memory-info',
      ],
    },
  },
  projects: [
    { name: 'landscape-1920', use: { viewport: { width: 1920, height: 1080 } } },
    { name: 'portrait-1080', use: { viewport: { width: 1080, height: 1920 } } },
    { name: 'small-1280', use: { viewport: { width: 1280, height: 800 } } },
  ],
})
