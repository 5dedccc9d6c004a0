// Which Chromium the end-to-end tests, the benches and `npm start`'s browser shell drive: one
// answer for all of them, so `npm test` can say what is missing before it starts.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'

/** Debian's Chromium (`apt-get install chromium`), what CI installs. */
export const debianChromiumPath = '/usr/bin/chromium'

/** The Chromium Playwright downloaded (`npx playwright install chromium`), if it did. */
function playwrightDownloadedChromium() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core')
    return chromium.executablePath() || undefined
  } catch {
    return undefined
  }
}

/**
 * Finds a Chromium: `CHROMIUM_PATH` when set (a path that does not exist is a problem, not a
 * reason to look elsewhere), else Debian's, else Playwright's own download.
 *
 * @param {import('./findChromium.d.mts').FindChromiumOptions} [options]
 * @returns {import('./findChromium.d.mts').ChromiumLookup}
 */
export function findChromium({
  env = process.env,
  exists = existsSync,
  playwrightChromiumPath = playwrightDownloadedChromium,
} = {}) {
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH)
      ? { executablePath: env.CHROMIUM_PATH, origin: 'CHROMIUM_PATH' }
      : { problem: `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.` }
  }
  if (exists(debianChromiumPath)) return { executablePath: debianChromiumPath, origin: 'debian' }
  const downloaded = playwrightChromiumPath()
  if (downloaded && exists(downloaded)) return { executablePath: downloaded, origin: 'playwright' }
  return {
    problem: `No Chromium here: CHROMIUM_PATH is not set, ${debianChromiumPath} does not exist and Playwright has downloaded none.`,
  }
}

/**
 * What to tell someone whose machine has no Chromium for the tests: the problem, then how to get one.
 *
 * @param {string} problem
 * @returns {string}
 */
export function missingChromiumAdvice(problem) {
  return [
    `The end-to-end tests need Chromium. ${problem}`,
    'Install one, then run the command again:',
    '  sudo apt-get install chromium      Debian or Ubuntu: Debian’s Chromium, as CI uses',
    '  npx playwright install chromium    where the internet is reachable: Playwright’s own Chromium',
    'or set CHROMIUM_PATH to a Chromium or Chrome you already have.',
  ].join('\n')
}
