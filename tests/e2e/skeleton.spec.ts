import { diagnostics, expect, tap, test } from './support/kioskTest'

test('attract → menu by a tap, and one tap switches zh-CN ⇄ en everywhere', async ({
  page,
  server,
  consoleErrors,
}, testInfo) => {
  await page.goto(server.url)
  await expect(page.locator('[data-screen="attract"]')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('attract.png') })

  await tap(page, '[data-screen="attract"]')
  await expect(page.locator('[data-screen="menu"]')).toBeVisible()
  const tiles = page.locator('[data-exhibit-id]')
  await expect(tiles).toHaveCount(3)
  expect((await diagnostics(page)).screen).toBe('menu')
  expect((await diagnostics(page)).language).toBe('zh-CN')
  const zhText = await page.locator('[data-screen="menu"]').innerText()
  expect(zhText).toContain('雕版印刷')

  await tap(page, '[data-action="language"]')
  await expect(page.locator('[data-exhibit-id="woodblock-printing"]')).toContainText(
    'Woodblock printing',
  )
  expect((await diagnostics(page)).language).toBe('en')
  expect(await page.locator('html').getAttribute('lang')).toBe('en')
  // The visitor's language throughout; the Chinese titles stay beneath the English ones on
  // purpose (both languages on the first screens), but the teasers switch.
  const enText = await page.locator('[data-screen="menu"]').innerText()
  expect(enText).not.toContain('亲手印出一张宋版')
  expect(enText).toContain('pull your own Song print')
  await page.screenshot({ path: testInfo.outputPath('menu-en.png') })

  await tap(page, '[data-action="language"]')
  await expect(page.locator('[data-exhibit-id="woodblock-printing"]')).toContainText('雕版印刷')
  expect(consoleErrors).toEqual([])
})
