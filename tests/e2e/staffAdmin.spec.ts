import { generateKeyPairSync } from 'node:crypto'
import { copyFile, readdir, readFile, truncate } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, tap as tapInView, test } from './support/kioskTest'
import { seasonalPack } from './support/seasonalPack'
import { createFirstPin, holdStaffCorner, submitPin } from './support/staffGestures'

/** Scrolls an element into view (admin panels scroll), then taps it with a touch. */
async function tap(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded()
  await tapInView(page, selector)
}

/** Opens one section of the admin screen. */
async function openAdminSection(page: Page, section: string): Promise<void> {
  await tap(page, `[data-admin-section="${section}"]`)
  await expect(page.locator(`[data-admin-section="${section}"]`)).toHaveAttribute(
    'aria-current',
    'page',
  )
}

/** Leaves the admin screen and walks from the attract loop into the menu. */
async function exitToMenu(page: Page): Promise<void> {
  await tap(page, '[data-action="staff-exit"]')
  await tap(page, '[data-screen="attract"]')
  await expect(page.locator('[data-screen="menu"]')).toBeVisible()
}

test.describe('packs from a USB stick, on the admin screen', () => {
  test.use({ kioskHasUsbStick: true })

  test(
    'an operator installs signed packs, sees bad ones refused with reasons, and rolls back',
    { tag: '@one-size' },
    async ({ page, server, usbStick, consoleErrors }, testInfo) => {
      const stick = usbStick!
      const { privateKey, publicKey } = generateKeyPairSync('ed25519')
      await server.writeDataFile(
        'trusted-keys/e2e.pub',
        publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      )
      const spring = await seasonalPack(stick, '1.0.0', 'Spring tea', privateKey)
      await seasonalPack(stick, '1.1.0', 'Summer tea', privateKey)
      // Unsigned: this kiosk requires signed packs (the default).
      await seasonalPack(stick, '2.0.0', 'Unsigned tea', undefined)
      // Damaged: a copy cut short, as a stick pulled out while copying leaves it.
      const damaged = path.join(stick, 'damaged.songpack')
      await copyFile(spring, damaged)
      await truncate(damaged, 200)

      await page.goto(server.url)
      await createFirstPin(page, '246813')
      await openAdminSection(page, 'packs')
      const installButton = (fileName: string) =>
        `[data-action="pack-install"]:has-text("${fileName}")`
      const seasonRow = page.locator('[data-pack-id="season.pack"]')
      await expect(page.locator('[data-action="pack-install"]')).toHaveCount(4)

      await tap(page, installButton('season-1.0.0.songpack'))
      await expect(page.locator('[data-pack-outcome]')).toContainText('season.pack 1.0.0')
      await tap(page, installButton('season-1.1.0.songpack'))
      await expect(page.locator('[data-pack-outcome]')).toContainText('season.pack 1.1.0 (← 1.0.0)')
      await expect(seasonRow.locator('[data-active-version]')).toHaveText('1.1.0')

      // A refused pack names its file and every reason; the live version stays.
      await tap(page, installButton('season-2.0.0.songpack'))
      const problems = page.locator('[data-pack-problems]')
      await expect(problems).toContainText('season-2.0.0.songpack')
      await expect(problems).toContainText('manifest.sig')
      await expect(problems).toContainText('not signed by a key this kiosk trusts')
      await page.screenshot({ path: testInfo.outputPath('pack-unsigned.png') })
      await expect(seasonRow.locator('[data-active-version]')).toHaveText('1.1.0')

      await tap(page, installButton('damaged.songpack'))
      await expect(problems).toContainText('damaged.songpack')
      await expect(problems.locator('li')).not.toHaveCount(0)
      await expect(seasonRow.locator('[data-active-version]')).toHaveText('1.1.0')

      await exitToMenu(page)
      await expect(page.locator('[data-exhibit-id="season-tea"]')).toContainText('Summer tea')
      await expect(page.locator('[data-exhibit-id="woodblock-printing"]')).toBeVisible()

      // Back to the admin screen (the PIN exists now): one tap rolls back.
      await holdStaffCorner(page)
      await submitPin(page, '246813')
      await openAdminSection(page, 'packs')
      await tap(page, '[data-pack-id="season.pack"] [data-action="pack-rollback"]')
      await expect(page.locator('[data-pack-outcome]')).toContainText('season.pack 1.0.0 (← 1.1.0)')
      await expect(seasonRow.locator('[data-active-version]')).toHaveText('1.0.0')
      await exitToMenu(page)
      await expect(page.locator('[data-exhibit-id="season-tea"]')).toContainText('Spring tea')
      // Chromium logs every refused request (HTTP 422, one per refused pack); nothing else may fail.
      const refusals = consoleErrors.filter((line) => line.includes('status of 422'))
      expect(refusals).toHaveLength(2)
      expect(consoleErrors.filter((line) => !refusals.includes(line))).toEqual([])
    },
  )
})

test.describe('analytics export onto a USB stick', () => {
  test.use({
    kioskHasUsbStick: true,
    // A short idle reset ends the first visit quickly; the zone decides the export's days.
    kioskSettings: { idleTimeoutSeconds: 5, idleWarningSeconds: 3, timeZone: 'Asia/Shanghai' },
  })

  test(
    'the CSV written to the stick holds one row per event of the visits made',
    { tag: '@one-size' },
    async ({ page, server, usbStick, consoleErrors }) => {
      const stick = usbStick!
      await page.goto(server.url)
      // Visit 1: into the menu, one language switch, then left alone until the idle reset.
      await tap(page, '[data-screen="attract"]')
      await expect(page.locator('[data-screen="menu"]')).toBeVisible()
      await tap(page, '[data-action="language"]')
      await expect(page.locator('[data-overlay="idle-warning"]')).toBeVisible({ timeout: 10_000 })
      await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 10_000 })
      await expect(page.locator('[data-overlay="idle-warning"]')).toBeHidden()
      // Visit 2: into the menu, then staff take over.
      await tap(page, '[data-screen="attract"]')
      await expect(page.locator('[data-screen="menu"]')).toBeVisible()
      await createFirstPin(page, '246813')
      await openAdminSection(page, 'analytics')
      await expect(page.locator('[data-total-visits]')).toContainText('共 2 次访问')
      await tap(page, '[data-action="analytics-export"]')
      await expect(page.locator('[data-export-outcome]')).toBeVisible()

      // The range ends today in the kiosk's zone (Asia/Shanghai), whatever the machine's zone.
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
        new Date(),
      )
      const written = (await readdir(stick)).filter((name) => name.endsWith('.csv'))
      expect(written).toHaveLength(1)
      expect(written[0]).toMatch(
        new RegExp(`^songyun-analytics-\\d{4}-\\d{2}-\\d{2}-${today}\\.csv$`),
      )
      const [header, ...rows] = (await readFile(path.join(stick, written[0]!), 'utf8'))
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(','))
      expect(header).toEqual([
        'at',
        'day',
        'hour',
        'type',
        'language',
        'from',
        'to',
        'exhibitId',
        'dwellMs',
        'durationMs',
        'reason',
        'cardId',
        'stationId',
        'trackId',
      ])
      const cell = (row: string[], column: string) => row[header!.indexOf(column)]

      // Every event the services logged is a row, in the same order, and nothing else is.
      const logged = (
        await Promise.all(
          (await readdir(path.join(server.dataDir, 'analytics')))
            .filter((name) => name.endsWith('.jsonl'))
            .sort()
            .map((name) => readFile(path.join(server.dataDir, 'analytics', name), 'utf8')),
        )
      )
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { at: string; type: string })
      expect(rows.map((row) => [cell(row, 'at'), cell(row, 'type')])).toEqual(
        logged.map((event) => [event.at, event.type]),
      )

      // And those are the visits made above.
      const types = rows.map((row) => cell(row, 'type'))
      expect(types.filter((type) => type === 'visit-start')).toHaveLength(2)
      expect(types.filter((type) => type === 'visit-end').length).toBeGreaterThanOrEqual(1)
      const firstEnd = rows.find((row) => cell(row, 'type') === 'visit-end')!
      expect(cell(firstEnd, 'reason')).toBe('idle')
      const switches = rows.filter((row) => cell(row, 'type') === 'language-switch')
      expect(switches.map((row) => [cell(row, 'from'), cell(row, 'to')])).toEqual([['zh-CN', 'en']])
      for (const row of rows) expect(cell(row, 'day')).toBe(today)
      expect(consoleErrors, consoleErrors.join('\n')).toEqual([])
    },
  )
})

test.describe('staff session idle limit', () => {
  test.use({ kioskSettings: { staffSessionIdleSeconds: 30 } })

  test(
    'touches keep the session alive; left idle it ends, the admin screen closes, its token is refused',
    { tag: '@one-size' },
    async ({ page, server }) => {
      test.setTimeout(120_000)
      const staffTokens = new Set<string>()
      page.on('request', (request) => {
        const token = request.headers()['x-songyun-staff-session']
        if (token) staffTokens.add(token)
      })
      await page.goto(server.url)
      await createFirstPin(page, '246813')
      await openAdminSection(page, 'packs')
      await expect(page.locator('[data-pack-id]').first()).toBeVisible()
      expect(staffTokens.size).toBe(1)
      const [token] = [...staffTokens]

      // 40 s of staff touches that make no request of their own: only the keep-alive counts.
      const startedAtMs = Date.now()
      while (Date.now() - startedAtMs < 40_000) {
        await tap(page, '.admin__title')
        // Touches a few seconds apart, as staff reading a panel make them.
        await page.waitForTimeout(5000)
      }
      await expect(page.locator('[data-screen="admin"]')).toBeVisible()

      // Left alone past the limit, the session ends by itself and the visitor screens return.
      await expect(page.locator('[data-screen="attract"]')).toBeVisible({ timeout: 45_000 })
      await expect(page.locator('[data-screen="admin"]')).toHaveCount(0)
      const status = await page.evaluate(async (staffToken) => {
        const response = await fetch('/api/request/packs:list', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-songyun-staff-session': staffToken },
          body: JSON.stringify({}),
        })
        return response.status
      }, token!)
      expect(status).toBe(403)
    },
  )
})

test('the staff screens switch language with one tap, and staff choose the time zone of the hours', async ({
  page,
  server,
  consoleErrors,
}) => {
  await page.goto(server.url)
  await holdStaffCorner(page)
  const pinPad = page.locator('[data-screen="staff-pin"]')
  await expect(pinPad).toContainText('设置新的员工密码')
  await expect(pinPad).not.toContainText('Choose a new staff PIN')
  await tap(page, '[data-action="language"]')
  await expect(pinPad).toContainText('Choose a new staff PIN')
  await expect(pinPad).not.toContainText('设置新的员工密码')
  await expect(pinPad).toHaveAttribute('lang', 'en')
  await submitPin(page, '246813')
  await expect(pinPad).toContainText('Enter the new PIN again')
  await submitPin(page, '246813')

  const admin = page.locator('[data-screen="admin"]')
  await expect(admin).toBeVisible()
  await expect(page.locator('[data-admin-section="settings"]')).toHaveText('Settings')
  await expect(page.locator('[data-action="staff-exit"]')).toHaveText('Exit')
  await expect(page.locator('[data-mode="closed"]')).toHaveText('Close…')
  await expect(page.locator('[data-status-availability]')).toHaveText(/Open\s*all exhibits/)

  await openAdminSection(page, 'settings')
  const zone = page.locator('[data-setting="timeZone"]')
  await zone.scrollIntoViewIfNeeded()
  await zone.selectOption('Europe/Berlin')
  await expect(admin).toContainText('Opening hours (Europe/Berlin)')
  await expect
    .poll(async () =>
      JSON.parse(await readFile(path.join(server.dataDir, 'settings.json'), 'utf8')),
    )
    .toMatchObject({ timeZone: 'Europe/Berlin' })
  await tap(page, '[data-action="language"]')
  await expect(admin).toContainText('开放时间（Europe/Berlin）')
  await expect(page.locator('[data-admin-section="settings"]')).toHaveText('设置')

  // Back to the machine's zone; the next visitor starts in the default language.
  await zone.selectOption('')
  await expect(admin).not.toContainText('开放时间（Europe/Berlin）')
  await expect
    .poll(async () =>
      JSON.parse(await readFile(path.join(server.dataDir, 'settings.json'), 'utf8')),
    )
    .not.toHaveProperty('timeZone')
  await tap(page, '[data-action="language"]')
  await tap(page, '[data-action="staff-exit"]')
  await expect(page.locator('[data-screen="attract"]')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  // Staff switching languages is not a visitor's language switch.
  const analyticsDir = path.join(server.dataDir, 'analytics')
  const logged = await readdir(analyticsDir).catch(() => [] as string[])
  for (const name of logged) {
    expect(await readFile(path.join(analyticsDir, name), 'utf8')).not.toContain('language-switch')
  }
  expect(consoleErrors, consoleErrors.join('\n')).toEqual([])
})
