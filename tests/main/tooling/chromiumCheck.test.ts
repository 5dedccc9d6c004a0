import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  debianChromiumPath,
  findChromium,
  missingChromiumAdvice,
} from '../../../scripts/chromium/findChromium.mjs'

const appRoot = fileURLToPath(new URL('../../../', import.meta.url))
const playwrightChrome = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'

/** A machine holding exactly `files`. */
const machineWith =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file)

describe('which Chromium the tests drive', () => {
  it('takes CHROMIUM_PATH first, then Debian’s, then Playwright’s own download', () => {
    const everywhere = machineWith('/opt/chrome', debianChromiumPath, playwrightChrome)
    const playwrightChromiumPath = () => playwrightChrome
    expect(
      findChromium({
        env: { CHROMIUM_PATH: '/opt/chrome' },
        exists: everywhere,
        playwrightChromiumPath,
      }),
    ).toEqual({ executablePath: '/opt/chrome', origin: 'CHROMIUM_PATH' })
    expect(findChromium({ env: {}, exists: everywhere, playwrightChromiumPath })).toEqual({
      executablePath: debianChromiumPath,
      origin: 'debian',
    })
    expect(
      findChromium({ env: {}, exists: machineWith(playwrightChrome), playwrightChromiumPath }),
    ).toEqual({ executablePath: playwrightChrome, origin: 'playwright' })
  })

  it('names a CHROMIUM_PATH that does not exist instead of quietly using another', () => {
    const lookup = findChromium({
      env: { CHROMIUM_PATH: '/opt/typo' },
      exists: machineWith(debianChromiumPath),
      playwrightChromiumPath: () => undefined,
    })
    expect(lookup.problem).toBe('CHROMIUM_PATH is /opt/typo, which does not exist.')
  })

  it('says what to install when there is none', () => {
    const lookup = findChromium({
      env: {},
      exists: machineWith(),
      playwrightChromiumPath: () => playwrightChrome,
    })
    expect(lookup.executablePath).toBeUndefined()
    const advice = missingChromiumAdvice(lookup.problem!)
    expect(advice).toContain('CHROMIUM_PATH is not set')
    expect(advice).toContain('apt-get install chromium')
    expect(advice).toContain('npx playwright install chromium')
  })
})

describe('npm test on a machine without Chromium', () => {
  it('checks for Chromium before anything else', () => {
    const pkg = JSON.parse(readFileSync(`${appRoot}package.json`, 'utf8')) as {
      scripts: Record<string, string>
    }
    expect(pkg.scripts.test).toMatch(/^node scripts\/checkChromium\.mjs && /)
  })

  it('stops with what to install', () => {
    const result = spawnSync(process.execPath, ['scripts/checkChromium.mjs'], {
      cwd: appRoot,
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('CHROMIUM_PATH is /nonexistent/chromium, which does not exist.')
    expect(result.stderr).toContain('sudo apt-get install chromium')
    expect(result.stderr).toContain('npx playwright install chromium')
  })
})
