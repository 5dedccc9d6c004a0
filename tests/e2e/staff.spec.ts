import { installAxe, seriousAxeViolations } from './support/accessibility'
import { diagnostics, expect, tap, test } from './support/kioskTest'
import type { Page } from '@playwright/test'
import { createFirstPin, holdStaffCorner, submitPin, touchAndHold } from './support/staffGestures'

/** Taps an admin control, scrolling the admin body first where the control sits below the fold. */
async function tapInView(page: Page, selector: string): Promise<void> {
  await page.locator(selector).scrollIntoViewIfNeeded()
  await tap(page, selector)
}

test('a short touch in the corner does nothing; holding it 3 s opens the PIN pad', async ({
  page,
  server,
}) => {
  await page.goto(server.url)
  await expect(page.locator('[data-screen="attract"]')).toBeVisible()
  await touchAndHold(page, 20, 20, 1000)
  await page.waitForTimeout(2500)
  await expect(page.locator('[data-screen="staff-pin"]')).toHaveCount(0)
  await holdStaffCorner(page)
  expect((await diagnostics(page)).screen).toBe('staff-pin')

  // A visitor who got here by accident reads "staff only" in both languages and finds the way back.
  await expect(page.locator('[data-staff-only]')).toHaveText('仅限工作人员')
  await expect(page.locator('[data-screen="staff-pin"]')).toContainText('Staff only')
  const back = page.locator('[data-action="pin-back"]')
  await expect(back).toContainText('返回展台')
  const backBox = await back.boundingBox()
  expect(Math.min(backBox?.width ?? 0, backBox?.height ?? 0)).toBeGreaterThanOrEqual(64)
  await tap(page, '[data-action="pin-back"]')
  await expect(page.locator('[data-screen="attract"]')).toBeVisible()
})

test(
  'first PIN set twice; five wrong PINs lock staff access, and a restart keeps the lock',
  { tag: '@one-size' },
  async ({ page, server, consoleErrors }, testInfo) => {
    await page.goto(server.url)
    await createFirstPin(page, '246813')
    await page.screenshot({ path: testInfo.outputPath('admin.png') })
    await tap(page, '[data-action="staff-exit"]')
    await expect(page.locator('[data-screen="attract"]')).toBeVisible()

    // Now the PIN exists: the gesture asks for it, never for a new one.
    await holdStaffCorner(page)
    await expect(page.locator('[data-screen="staff-pin"]')).toContainText('输入员工密码')
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await submitPin(page, '1111')
      await expect(page.locator('[data-staff-notice]')).toContainText(`还可尝试 ${5 - attempt} 次`)
    }
    await submitPin(page, '1111')
    // The lock counts down to its end: five minutes, and the clock time it opens again.
    await expect(page.locator('[data-staff-notice]')).toContainText(
      /已锁定。(5 分 00|4 分 5\d) 秒后可再试（\d\d:\d\d 解锁）/,
    )
    await page.screenshot({ path: testInfo.outputPath('pin-locked.png') })

    // Leave the page first, so its event stream does not log the stopped server as an error.
    await page.goto('about:blank')
    await server.restart()
    await page.goto(server.url)
    await holdStaffCorner(page)
    await expect(page.locator('[data-staff-notice]')).toContainText('已锁定')
    // Even the right PIN is refused while locked.
    await submitPin(page, '246813')
    await expect(page.locator('[data-staff-notice]')).toContainText('已锁定')
    await expect(page.locator('[data-screen="admin"]')).toHaveCount(0)
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([])
  },
)

test(
  'the right PIN opens the admin screen; closed mode shows the closed screen across a restart',
  { tag: '@one-size' },
  async ({ page, server, consoleErrors }, testInfo) => {
    // An init script runs despite the page's CSP.
    await installAxe(page)
    await page.goto(server.url)
    await createFirstPin(page, '975310')
    await tap(page, '[data-action="staff-exit"]')

    await holdStaffCorner(page)
    expect(await seriousAxeViolations(page, '[data-screen]')).toEqual([])
    await submitPin(page, '975310')
    await expect(page.locator('[data-screen="admin"]')).toBeVisible()
    // The admin screen opens on the status line: the mode and the packs with their versions.
    const availability = page.locator('[data-admin-status] [data-status-availability]')
    await expect(availability).toHaveText(/开放\s*全部展项/)
    await expect(page.locator('[data-status-packs]')).toContainText(/\S+ \d+\.\d+\.\d+/)
    expect(await seriousAxeViolations(page, '[data-screen]')).toEqual([])

    // Closing asks first: cancel keeps the kiosk open, confirm closes it.
    const confirmDialog = page.locator('[data-dialog="confirm-close"]')
    await tapInView(page, '[data-mode="closed"]')
    await expect(confirmDialog).toBeVisible()
    await tapInView(page, '[data-action="cancel-close"]')
    await expect(confirmDialog).toHaveCount(0)
    await expect(page.locator('[data-mode="open"]')).toHaveAttribute('aria-pressed', 'true')
    await expect(availability).toHaveText(/开放\s*全部展项/)
    await tapInView(page, '[data-mode="closed"]')
    await tapInView(page, '[data-action="confirm-close"]')
    await expect(page.locator('[data-mode="closed"]')).toHaveAttribute('aria-pressed', 'true')
    await expect(availability).toHaveText(/暂停开放\s*工作人员已暂停开放/)
    await tap(page, '[data-action="staff-exit"]')
    await expect(page.locator('[data-screen="closed"]')).toBeVisible()
    expect(await diagnostics(page)).toMatchObject({ screen: 'closed', mode: 'closed' })
    expect(await seriousAxeViolations(page, '[data-screen]')).toEqual([])
    await page.screenshot({ path: testInfo.outputPath('closed.png') })

    // Touches on the closed screen do nothing.
    await tap(page, '[data-screen="closed"]')
    await expect(page.locator('[data-screen="closed"]')).toBeVisible()

    // Leave the page first, so its event stream does not log the stopped server as an error.
    await page.goto('about:blank')
    await server.restart()
    await page.goto(server.url)
    await expect(page.locator('[data-screen="closed"]')).toBeVisible()
    expect((await diagnostics(page)).mode).toBe('closed')

    // The gesture works on the closed screen too, and opening again returns to the attract loop.
    await holdStaffCorner(page)
    await submitPin(page, '975310')
    await tap(page, '[data-mode="open"]')
    await expect(page.locator('[data-mode="open"]')).toHaveAttribute('aria-pressed', 'true')
    await tap(page, '[data-action="staff-exit"]')
    await expect(page.locator('[data-screen="attract"]')).toBeVisible()
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([])
  },
)

test(
  'the host refuses a staff request without a valid staff session (HTTP 403)',
  { tag: '@one-size' },
  async ({ page, server }) => {
    await page.goto(server.url)
    const statuses = await page.evaluate(async () => {
      const post = (headers: Record<string, string>) =>
        fetch('/api/request/mode:set', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...headers },
          body: JSON.stringify({ args: { mode: 'closed' } }),
        }).then(async (response) => ({ status: response.status, body: await response.json() }))
      return [await post({}), await post({ 'x-songyun-staff-session': 'made-up-token' })]
    })
    for (const { status, body } of statuses) {
      expect(status).toBe(403)
      expect(body.error.code).toBe('forbidden')
    }
    // Nothing changed.
    await expect(page.locator('[data-screen="attract"]')).toBeVisible()
    expect((await diagnostics(page)).mode).toBe('open')
  },
)

test.describe('outside opening hours', () => {
  // Every weekday absent: closed all week, whatever the time of the test run.
  test.use({ kioskSettings: { openingHours: {} } })

  test(
    'the kiosk shows the closed screen by itself and staff see why',
    { tag: '@one-size' },
    async ({ page, server }) => {
      await page.goto(server.url)
      await expect(page.locator('[data-screen="closed"]')).toBeVisible()
      expect((await diagnostics(page)).mode).toBe('closed')
      await createFirstPin(page, '246813')
      await expect(page.locator('[data-closed-by-hours]')).toBeVisible()
      await expect(page.locator('[data-mode="open"]')).toHaveAttribute('aria-pressed', 'true')
      await tap(page, '[data-action="staff-exit"]')
      await expect(page.locator('[data-screen="closed"]')).toBeVisible()
    },
  )
})

test('the admin code loads only for staff, and every admin section opens without errors', async ({
  page,
  server,
  consoleErrors,
}, testInfo) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await page.goto(server.url)
  await expect(page.locator('[data-screen="attract"]')).toBeVisible()
  expect(scripts.filter((name) => /AdminView|analyticsCharts|chart/i.test(name))).toEqual([])

  // One visit (a tap on the attract loop), ended by the staff gesture on the menu.
  await tap(page, '[data-screen="attract"]')
  await expect(page.locator('[data-screen="menu"]')).toBeVisible()
  await createFirstPin(page, '246813')
  for (const section of ['settings', 'packs', 'analytics', 'diagnostics', 'mode']) {
    await tap(page, `[data-admin-section="${section}"]`)
    await expect(page.locator(`[data-admin-section="${section}"]`)).toHaveAttribute(
      'aria-current',
      'page',
    )
    if (section === 'packs') await expect(page.locator('[data-pack-id]').first()).toBeVisible()
    if (section === 'analytics') {
      await expect(page.locator('[data-total-visits]')).toContainText('共 1 次访问')
    }
    if (section === 'diagnostics')
      await expect(page.locator('[data-frame-rate]')).toContainText(/\d+ fps/)
    await page.screenshot({ path: testInfo.outputPath(`admin-${section}.png`) })
  }
  expect(scripts.some((name) => /analyticsCharts/.test(name))).toBe(true)
  expect(consoleErrors, consoleErrors.join('\n')).toEqual([])
})

test(
  'single-exhibit mode keeps visitors in the chosen exhibit, "home" included',
  { tag: '@one-size' },
  async ({ page, server, consoleErrors }) => {
    // The exhibit's WebGL scene loads twice on a software renderer shared with other tests.
    test.setTimeout(120_000)
    await page.goto(server.url)
    await createFirstPin(page, '246813')
    // One control per exhibit: the exhibit and the mode in one step.
    await tapInView(page, '[data-single-exhibit="tea-whisking"]')
    await expect(page.locator('[data-single-exhibit="tea-whisking"]')).toHaveAttribute(
      'aria-pressed',
      'true',
    )
    await expect(page.locator('[data-status-availability]')).toContainText('只开放 宋式点茶')
    await tap(page, '[data-action="staff-exit"]')
    // The exhibit frame and the tea scene are lazy chunks; on a busy software renderer they can
    // take longer than the default 10 s to appear.
    await expect(page.locator('[data-screen="exhibit"]')).toBeVisible({ timeout: 30_000 })
    expect(await diagnostics(page)).toMatchObject({
      mode: 'single-exhibit',
      exhibit: 'tea-whisking',
    })

    await tap(page, '[data-action="home"]')
    await expect(page.locator('[data-screen="exhibit"]')).toBeVisible({ timeout: 30_000 })
    await expect(page.locator('[data-screen="menu"]')).toHaveCount(0)
    expect((await diagnostics(page)).exhibit).toBe('tea-whisking')

    // It comes back after a restart.
    // Leave the page first, so its event stream does not log the stopped server as an error.
    await page.goto('about:blank')
    await server.restart()
    await page.goto(server.url)
    await expect(page.locator('[data-screen="exhibit"]')).toBeVisible({ timeout: 30_000 })
    expect((await diagnostics(page)).exhibit).toBe('tea-whisking')
    expect(consoleErrors, consoleErrors.join('\n')).toEqual([])
  },
)
