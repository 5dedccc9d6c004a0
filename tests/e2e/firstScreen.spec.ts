import { expect, test } from './support/kioskTest'

// The attract screen's fonts load beside the scripts (index.html preloads them, see
// scripts/vite/firstScreenFontPreloads.ts), not after the app has mounted and laid it out.
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
      })),
  )
  // A font the style sheet had to ask for itself was missing from the preloads.
  expect(fontLoads.filter((load) => load.initiator !== 'link').map((load) => load.path)).toEqual([])
  expect(fontLoads.map((load) => load.path).sort()).toEqual([...preloaded].sort())
  expect(consoleErrors).toEqual([])
})
