import { launchKioskBrowser, tapElement } from './support/kioskBrowser'
import { startKioskServer } from './support/kioskServer'
import { measureFrameTimes } from './support/pageProbes'

const server = await startKioskServer()
try {
  for (const wait of (process.env.WAITS ?? '0,8000').split(',').map(Number)) {
    const kb = await launchKioskBrowser()
    const { page } = kb
    await page.goto(server.url)
    await tapElement(page, '[data-screen="attract"]')
    await page.locator('[data-screen="menu"]').waitFor()
    await page.waitForTimeout(wait)
    const t0 = Date.now()
    await tapElement(page, '[data-exhibit-id="tea-whisking"]')
    await page.locator('[data-tea-station="warm-bowl"][data-tea-anchors]').waitFor({ timeout: 60000 })
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    const openMs = Date.now() - t0
    await page.waitForTimeout(1000)
    const idle = await measureFrameTimes(page, 2000)
    console.log(`menu wait ${wait}: open ${openMs} ms, idle p50 ${idle.p50Ms} p95 ${idle.p95Ms}`)
    if (process.env.SHOT) await page.screenshot({ path: `/tmp/teaprobe/open-${wait}.png` })
    await kb.close()
  }
} finally { await server.stop() }
