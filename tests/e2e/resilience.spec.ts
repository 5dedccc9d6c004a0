import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { diagnostics, expect, tap, test } from './support/kioskTest'

test('a calm bilingual starting screen shows until the content has loaded, never a blank page', async ({
  page,
  server,
  consoleErrors,
}) => {
  let releaseContent: () => void = () => {}
  const contentHeld = new Promise<void>((resolve) => (releaseContent = resolve))
  await page.route(/\/api\/request\/content(:|%3A)get$/i, async (route) => {
    await contentHeld
    await route.continue()
  })
  await page.goto(server.url)
  const starting = page.locator('#starting-screen')
  await expect(starting).toBeVisible()
  await expect(starting.locator('[lang="zh-CN"]')).toContainText('请稍候')
  await expect(starting.locator('[lang="en"]')).toContainText('getting ready')
  // Vue has mounted underneath, yet the starting screen stays while the content is held back.
  await page.waitForTimeout(300)
  await expect(starting).toBeVisible()

  releaseContent()
  await expect(starting).toHaveCount(0)
  await expect(page.locator('[data-screen="attract"]')).toBeVisible()
  await tap(page, '[data-screen="attract"]')
  await expect(page.locator('[data-screen="menu"]')).toBeVisible()
  expect(consoleErrors).toEqual([])
})

/** Opens the first exhibit whose screen draws with the shared WebGL canvas; returns its id. */
async function openExhibitWithScene(page: Page): Promise<string> {
  await tap(page, '[data-screen="attract"]')
  await expect(page.locator('[data-screen="menu"] [data-exhibit-id]').first()).toBeVisible()
  const ids = await page
    .locator('[data-screen="menu"] [data-exhibit-id]')
    .evaluateAll((tiles) => tiles.map((tile) => tile.getAttribute('data-exhibit-id') ?? ''))
  for (const id of ids) {
    await tap(page, `[data-screen="menu"] [data-exhibit-id="${id}"]`)
    await expect(page.locator('[data-screen="exhibit"]')).toBeVisible()
    const hasScene = await page
      .locator('canvas.scene-host-canvas')
      .waitFor({ state: 'attached', timeout: 5_000 })
      .then(() => true)
      .catch(() => false)
    if (hasScene) return id
    await tap(page, '[data-action="home"]')
    await expect(
      page.locator('[data-screen="menu"], [data-screen="attract"]').first(),
    ).toBeVisible()
    if (await page.locator('[data-screen="attract"]').isVisible())
      await tap(page, '[data-screen="attract"]')
  }
  throw new Error(`no exhibit among ${ids.join(', ')} shows a WebGL scene`)
}

test('a lost WebGL context is caught and the scene is rebuilt when it returns', async ({
  page,
  server,
  consoleErrors,
}) => {
  await page.goto(server.url)
  const exhibitId = await openExhibitWithScene(page)
  await expect.poll(async () => (await diagnostics(page)).webgl?.geometries ?? 0).toBeGreaterThan(0)

  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.scene-host-canvas')!
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl')
    const extension = gl?.getExtension('WEBGL_lose_context')
    if (!extension) throw new Error('WEBGL_lose_context is not available')
    ;(window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = extension
    extension.loseContext()
  })
  await expect
    .poll(() =>
      page.evaluate(() =>
        document
          .querySelector<HTMLCanvasElement>('canvas.scene-host-canvas')!
          .getContext('webgl2')!
          .isContextLost(),
      ),
    )
    .toBe(true)
  await expect(page.locator('[data-screen="exhibit"]')).toBeVisible()

  await page.evaluate(() =>
    (window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext(),
  )
  // Rebuilt: the scene's GPU objects exist again in the restored context and frames are drawn.
  await expect.poll(async () => (await diagnostics(page)).webgl?.geometries ?? 0).toBeGreaterThan(0)
  await expect.poll(async () => (await diagnostics(page)).webgl?.calls ?? 0).toBeGreaterThan(0)
  expect((await diagnostics(page)).exhibit).toBe(exhibitId)

  // Both events reached the services' rotating log in the data folder.
  const logFile = path.join(server.dataDir, 'logs', 'songyun.log')
  await expect
    .poll(async () => readFile(logFile, 'utf8').catch(() => ''))
    .toContain('WebGL context lost (1 since load)')
  await expect
    .poll(async () => readFile(logFile, 'utf8').catch(() => ''))
    .toContain('WebGL context restored; scene rebuilt')
  expect(consoleErrors).toEqual([])
})
