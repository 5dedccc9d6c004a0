// The woodblock's lost tap (docs/woodblock-stations.md): does a tap on a button lose its click
// right after a fast drag (a flick) on a `touch-action: none` scene? In the e2e tests' Chromium,
// drags across a scene element as the tests do (its own CDP session, moves as fast as taken, lifted
// while moving), then taps a button below it, 12 times a case, and prints which events reached the
// page for each tap without a click. Cases: the flick, the flick a second before the tap, a drag
// held still before lifting, and the flick with the scene's `touchmove` cancelled (the fix).
// Earlier runs of this probe found long tasks alone (the main thread blocked 300 or 700 ms each
// frame) and a non-passive document `touchend` listener lose no tap.
// Run: npx tsx bench/probes/lostTap/runLostTapProbe.ts   (result: docs/woodblock-stations.md)
import { launchKioskBrowser } from '../../support/kioskBrowser'

const tapsPerCase = 12
const cases = [
  { pauseMs: 0, holdStill: false, cancelTouchOn: '' },
  { pauseMs: 1000, holdStill: false, cancelTouchOn: '' },
  { pauseMs: 0, holdStill: true, cancelTouchOn: '' },
  // renderer/scenes/flickTapGuard.ts: what the scene host now does on its canvas.
  { pauseMs: 0, holdStill: false, cancelTouchOn: 'touchmove' },
]

const kiosk = await launchKioskBrowser()
try {
  for (const { pauseMs, holdStill, cancelTouchOn } of cases) {
    const page = await kiosk.newColdPage()
    const cdp = await page.context().newCDPSession(page)
    await page.setContent(
      `<div id="scene" style="position:absolute;left:0;top:0;width:1280px;height:600px;touch-action:none;background:#ccc"></div><button id="seal" style="position:absolute;left:500px;top:620px;width:200px;height:80px">next</button>`,
    )
    // A script string, not a function: tsx would wrap the function's inner names in a helper
    // the page does not have.
    await page.addScriptTag({
      content: `
        const seen = []
        window.seen = seen
        for (const type of ['touchstart', 'touchend', 'pointerdown', 'pointerup', 'click', 'contextmenu'])
          window.addEventListener(type, () => seen.push(type), { capture: true })
        const scene = document.getElementById('scene')
        scene.addEventListener('pointerdown', (event) => scene.setPointerCapture(event.pointerId))
        scene.addEventListener('pointerup', (event) => scene.releasePointerCapture(event.pointerId))
        if ('${cancelTouchOn}') scene.addEventListener('${cancelTouchOn}', (event) => event.preventDefault(), { passive: false })`,
    })
    let lost = 0
    const lostEvents: string[] = []
    for (let tap = 0; tap < tapsPerCase; tap++) {
      await page.evaluate(() => ((window as unknown as { seen: string[] }).seen.length = 0))
      {
        // The e2e tests' fast drag: its own CDP session, moves sent as fast as taken, no pause.
        await cdp.send('Input.dispatchTouchEvent', {
          type: 'touchStart',
          touchPoints: [{ x: 100, y: 100, id: 1 }],
        })
        for (let step = 1; step <= 30; step++)
          await cdp.send('Input.dispatchTouchEvent', {
            type: 'touchMove',
            touchPoints: [{ x: 100 + step * 30, y: 100 + (step % 2) * 300, id: 1 }],
          })
        if (holdStill) {
          await cdp.send('Input.dispatchTouchEvent', {
            type: 'touchMove',
            touchPoints: [{ x: 1000, y: 100, id: 1 }],
          })
          await new Promise((resolve) => setTimeout(resolve, 150))
          await cdp.send('Input.dispatchTouchEvent', {
            type: 'touchMove',
            touchPoints: [{ x: 1000, y: 100, id: 1 }],
          })
        }
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
        await new Promise((resolve) => setTimeout(resolve, pauseMs))
        await page.evaluate(() => ((window as unknown as { seen: string[] }).seen.length = 0))
      }
      await page.touchscreen.tap(600, 660)
      await page.waitForTimeout(300)
      const seen = await page.evaluate(() =>
        (window as unknown as { seen: string[] }).seen.join(' '),
      )
      if (!seen.includes('click')) {
        lost++
        lostEvents.push(seen || 'nothing')
      }
    }
    // eslint-disable-next-line no-console -- the probe's result is what it prints
    console.log(
      `flick, ${pauseMs} ms, tap${holdStill ? ' (held still before lifting)' : ''}${cancelTouchOn ? `, the scene's ${cancelTouchOn} cancelled` : ''}: ${lost}/${tapsPerCase} taps without a click${lost ? ` (seen: ${[...new Set(lostEvents)].join(' | ')})` : ''}`,
    )
    await page.context().close()
  }
} finally {
  await kiosk.close()
}
