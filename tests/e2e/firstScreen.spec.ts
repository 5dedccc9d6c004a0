import { expect, tap, test } from './support/kioskTest'

// The attract screen's fonts load beside the scripts (index.html preloads them, see
// scripts/vite/firstScreenFontPreloads.ts), not after the app has mounted and laid it out, and
// the CJK serif's as the first screen's glyphs only.
test('the first screen loads no font that index.html does not preload', async ({
  page,
  server,
  consoleErrors,
}) => {
  await page.goto(server.url)
  await expect(page.locator('[data-screen="attract"]')).toBeVisible()
  await expect(page.locator('#starting-screen')).toHaveCount(0)
  await page.evaluate(async () => {
    await document.fonts.ready
  })

  const preloaded = await page
    .locator('link[rel="preload"][as="font"]')
    .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname))
  expect(preloaded.length).toBeGreaterThan(0)
  const fontLoads = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\.woff2?$/.test(new URL(entry.name).pathname))
      .map((entry) => ({
        path: new URL(entry.name).pathname,
        initiator: (entry as PerformanceResourceTiming).initiatorType,
        bytes: (entry as PerformanceResourceTiming).encodedBodySize,
      })),
  )
  // A font the style sheet had to ask for itself was missing from the preloads.
  expect(fontLoads.filter((load) => load.initiator !== 'link').map((load) => load.path)).toEqual([])
  expect(fontLoads.map((load) => load.path).sort()).toEqual([...preloaded].sort())
  // The CJK serif comes as the first screen's glyphs only (about 22 kB; its whole subset files
  // were about 700 kB), plus one Latin file.
  const fontBytes = fontLoads.reduce((sum, load) => sum + load.bytes, 0)
  expect(fontBytes).toBeGreaterThan(0)
  expect(fontBytes).toBeLessThan(100_000)
  expect(consoleErrors).toEqual([])
})

// A visitor who reads only English, or only Chinese, must find their language on the first two
// screens (docs/visitor-journey.md "Both languages on the first screens").
test.describe('both languages on the first screens', () => {
  test.use({ viewport: { width: 1920, height: 1080 } })

  test('the attract screen’s English is set at 28 px or more at 1920×1080, and not rotated', async ({
    page,
    server,
    consoleErrors,
  }) => {
    await page.goto(server.url)
    const attract = page.locator('[data-screen="attract"]')
    await expect(attract).toBeVisible()
    // Every element that sets English words itself (a text node of its own), inside lang="en".
    const englishLines = await attract
      .locator('[lang="en"], [lang="en"] *')
      .evaluateAll((elements) =>
        elements
          .filter((element) =>
            [...element.childNodes].some(
              (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
            ),
          )
          .filter((element) => element.getClientRects().length > 0)
          .map((element) => {
            const style = getComputedStyle(element)
            return {
              text: (element.textContent ?? '').trim(),
              fontSizePx: parseFloat(style.fontSize),
              writingMode: style.writingMode,
            }
          }),
      )
    // The tagline and the four themes, at least, are in English.
    expect(englishLines.map((line) => line.text).join(' ')).toMatch(/Printing.*Tea.*Music/)
    for (const line of englishLines) {
      expect(line.fontSizePx, `"${line.text}"`).toBeGreaterThanOrEqual(28)
      expect(line.writingMode, `"${line.text}" reads across`).toBe('horizontal-tb')
    }
    expect(consoleErrors).toEqual([])
  })

  test('each menu tile shows its title in the other language: Latin under Chinese, Chinese under English', async ({
    page,
    server,
    consoleErrors,
  }) => {
    await page.goto(server.url)
    await tap(page, '[data-screen="attract"]')
    const tiles = page.locator('[data-screen="menu"] [data-exhibit-id]')
    await expect(tiles).toHaveCount(3)
    const latinInTiles = () =>
      tiles.evaluateAll((buttons) =>
        buttons.map((button) => /[A-Za-z]{4}/.test((button as HTMLElement).innerText)),
      )
    const chineseInTiles = () =>
      tiles.evaluateAll((buttons) =>
        buttons.map((button) => /[\u4e00-\u9fff]{2}/.test((button as HTMLElement).innerText)),
      )
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    expect(await latinInTiles()).toEqual([true, true, true])
    await expect(tiles.first().locator('[data-other-language]')).toHaveAttribute('lang', 'en')
    await expect(tiles.locator('[data-other-language]')).toHaveText([
      'Woodblock printing',
      'Song whisked tea',
      'Folk-music stage',
    ])

    await tap(page, '[data-action="language"]')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(tiles.first()).toContainText('Woodblock printing')
    expect(await chineseInTiles()).toEqual([true, true, true])
    await expect(tiles.locator('[data-other-language]')).toHaveText([
      '雕版印刷',
      '宋式点茶',
      '民乐雅集',
    ])
    // The teaser follows the visitor's language.
    await expect(tiles.first()).not.toContainText('亲手印出')
    expect(consoleErrors).toEqual([])
  })
})
