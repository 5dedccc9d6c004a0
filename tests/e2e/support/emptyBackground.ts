// How much of an exhibit's frame shows nothing: no scene drawn there (the page's paper behind it)
// or the scene's empty room colour. The woodblock issue's bar: at most a fifth in portrait.
import type { Locator, Page } from '@playwright/test'

/** A colour in 0–255 sRGB. */
export interface Rgb {
  readonly r: number
  readonly g: number
  readonly b: number
}

/**
 * The share (0–1) of `frame` that is empty background: its area not covered by the `canvas`
 * element, plus the canvas's pixels within `tolerance` per channel of `roomColour` (the colour a
 * scene clears to where nothing is drawn), read from a screenshot of the frame every 4th pixel.
 */
export async function emptyBackgroundShare(
  page: Page,
  frame: Locator,
  canvas: Locator,
  roomColour: Rgb,
  tolerance = 10,
): Promise<number> {
  const frameBox = await frame.boundingBox()
  const canvasBox = await canvas.boundingBox()
  if (!frameBox || !canvasBox) throw new Error('The exhibit frame or its canvas is not on screen')
  // A clip of the page rather than an element screenshot: that would wait for the element to
  // hold still, and the hint ring round the work pulses.
  const png = await page.screenshot({ clip: frameBox })
  return page.evaluate(
    async ({ base64, frameBox, canvasBox, roomColour, tolerance }) => {
      const image = new Image()
      image.src = `data:image/png;base64,${base64}`
      await image.decode()
      const canvas = document.createElement('canvas')
      canvas.width = image.naturalWidth
      canvas.height = image.naturalHeight
      const context = canvas.getContext('2d', { willReadFrequently: true })!
      context.drawImage(image, 0, 0)
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height)
      // Screenshot pixels per CSS pixel (the device scale factor).
      const scale = canvas.width / frameBox.width
      let sampled = 0
      let empty = 0
      for (let y = 0; y < canvas.height; y += 4) {
        for (let x = 0; x < canvas.width; x += 4) {
          sampled++
          const cssX = frameBox.x + x / scale
          const cssY = frameBox.y + y / scale
          const isOnCanvas =
            cssX >= canvasBox.x &&
            cssX < canvasBox.x + canvasBox.width &&
            cssY >= canvasBox.y &&
            cssY < canvasBox.y + canvasBox.height
          if (!isOnCanvas) {
            empty++
            continue
          }
          const i = (y * canvas.width + x) * 4
          if (
            Math.abs(data[i]! - roomColour.r) <= tolerance &&
            Math.abs(data[i + 1]! - roomColour.g) <= tolerance &&
            Math.abs(data[i + 2]! - roomColour.b) <= tolerance
          )
            empty++
        }
      }
      return sampled === 0 ? 1 : empty / sampled
    },
    { base64: png.toString('base64'), frameBox, canvasBox, roomColour, tolerance },
  )
}

/**
 * {@link emptyBackgroundShare} once the scene's picture has reached the screen: a scene drawn in
 * the worker reports its boxes a moment before its frame is shown, and a slow machine shows the
 * empty canvas meanwhile. Reads again until the share is at most `maxShare` or `timeoutMs` has
 * passed, and returns the last share read (so a badly framed scene still fails its test).
 */
export async function emptyBackgroundShareOnceDrawn(
  page: Page,
  frame: Locator,
  canvas: Locator,
  roomColour: Rgb,
  maxShare: number,
  timeoutMs = 20_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const share = await emptyBackgroundShare(page, frame, canvas, roomColour)
    if (share <= maxShare || Date.now() > deadline) return share
    await page.waitForTimeout(500)
  }
}
