import { defineConfig } from '@playwright/test'
import { debianChromiumPath, findChromium } from './scripts/chromium/findChromium.mjs'

/**
 * The Chromium the tests drive: CHROMIUM_PATH, else Debian's, else Playwright's own download
 * (scripts/chromium/findChromium.mjs; `npm test` stops first with what to install when none is here).
 */
export const chromiumPath = findChromium().executablePath ?? debianChromiumPath

/**
 * The scripted touch paths through the two Three.js scenes (every station, hundreds of touch
 * moves) run at 1280×800 only: on CI's software WebGL their cost grows with the pixel count and
 * one run takes minutes. Every exhibit still opens, and is checked for layout and accessibility,
 * at all three sizes in visitorJourney.spec.ts. The leak check (repeated visits with forced GC)
 * does not depend on the screen size either.
 */
const scriptedScenePaths = [
  '**/teaWhisking.spec.ts',
  '**/woodblockPrinting.spec.ts',
  '**/leaks.spec.ts',
]

/**
 * Tests tagged `@one-size` check behaviour that does not depend on the screen (a PIN lockout, an
 * idle reset, a context loss): they run at 1280×800 only, so the suite stays within its time.
 */
const oneSizeTag = /@one-size/

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
    {
      name: 'landscape-1920',
      use: { viewport: { width: 1920, height: 1080 } },
      testIgnore: scriptedScenePaths,
      grepInvert: oneSizeTag,
    },
    {
      name: 'portrait-1080',
      use: { viewport: { width: 1080, height: 1920 } },
      testIgnore: scriptedScenePaths,
      grepInvert: oneSizeTag,
    },
    { name: 'small-1280', use: { viewport: { width: 1280, height: 800 } } },
  ],
})
