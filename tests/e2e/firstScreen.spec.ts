import { expect, tap, test } from './support/kioskTest'

// The attract screen's fonts come with the page (scripts/vite/firstScreenFontPreloads.ts): the
// CJK serif as the first screen's glyphs only, inside index.html; the Latin face preloaded beside
// the scripts, not fetched after the app has mounted and laid the screen out.
test(
  'the first screen’s fonts come with the page: its CJK glyphs inside it, nothing unpreloaded',
  { tag: '@one-size' },
  async ({ page, server, consoleErrors }) => {
    await page.goto(server.url)
    await expect(page.locator('[data-screen="attract"]')).toBeVisible()
    await expect(page.locator('#starting-screen')).toHaveCount(0)
    const firstScreenFaces = await page.evaluate(async () => {
      await document.fonts.ready
      return [...document.fonts]
        .filter((face) => face.family.replace(/["']/g, '') === 'Songyun First Screen')
        .map((face) => face.status)
    })
    // ~20 cut files of the CJK serif, drawn from the page itself.
    expect(firstScreenFaces.length).toBeGreaterThan(10)
    expect(firstScreenFaces.filter((status) => status === 'loaded').length).toBeGreaterThan(0)

    const preloaded = await page
      .locator('link[rel="preload"][as="font"]')
      .evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname))
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
    // A font the style sheet had to ask for itself was missing from the page and the preloads.
    expect(fontLoads.filter((load) => load.initiator !== 'link').map((load) => load.path)).toEqual(
      [],
    )
    expect(fontLoads.map((load) => load.path).sort()).toEqual([...preloaded].sort())
    // No file of the CJK serif (its whole subsets were ~700 kB, 19 files): one Latin file at most.
    expect(fontLoads.filter((load) => /noto-serif-sc|first-screen/.test(load.path))).toEqual([])
    expect(fontLoads.length).toBeLessThanOrEqual(1)
    expect(consoleErrors).toEqual([])
  },
)

// Every request before the attract screen is interactive is a round on the browser's six
// connections to the one Node thread (the bare page of the serve-start bench makes 2); the
// first screen's data and its start report travel with the page (src/contract/firstScreenData.ts).
test(
  'the attract screen is interactive after the page, 3 scripts, 1 style sheet, 1 font and no request',
  { tag: '@one-size' },
  async ({ page, server, consoleErrors }) => {
    await page.goto(server.url)
    await expect(page.locator('[data-screen="attract"]')).toBeVisible()
    await page.waitForFunction(() => document.readyState === 'complete')
    const requested = await page.evaluate(() => {
      const navigation = performance.getEntriesByType(
        'navigation',
      )[0] as PerformanceNavigationTiming
      // What the page asked for while loading (a fresh data folder's built-in pack install is
      // announced later, and the content is asked for again then).
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime <= navigation.loadEventEnd)
        .filter((entry) => new URL(entry.name).pathname !== '/favicon.svg')
        .map((entry) => new URL(entry.name).pathname.replace(/-[\w-]{8}(\.\w+)$/, '$1'))
    })
    expect(requested.filter((path) => path.endsWith('.js')).length).toBeLessThanOrEqual(3)
    expect(requested.filter((path) => path.endsWith('.css')).length).toBeLessThanOrEqual(1)
    expect(requested.length, requested.join('\n')).toBeLessThanOrEqual(5)
    expect(consoleErrors).toEqual([])
  },
)

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
