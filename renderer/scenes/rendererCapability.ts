/** Renderer strings of the software rasterisers a kiosk may fall back to without a working GPU. */
const softwareRendererPattern = /swiftshader|llvmpipe|softpipe|software|basic render driver/i

let cachedRendererName: string | undefined

/**
 * The WebGL renderer's name as the driver reports it (e.g. "ANGLE (… SwiftShader …)"), read once
 * from a throwaway context that is released straight away, or '' where it cannot be read.
 */
export function webglRendererName(): string {
  if (cachedRendererName !== undefined) return cachedRendererName
  const canvas = document.createElement('canvas')
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl')
  if (!gl) return (cachedRendererName = '')
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  cachedRendererName = String(
    gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
  )
  // Chromium caps live contexts: give this one back now rather than at garbage collection.
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return cachedRendererName
}

/**
 * Whether WebGL is drawn in software (no usable GPU: a kiosk PC with a broken driver, or CI).
 * Every pixel then costs CPU time shared with input handling, so the scene host drops
 * multisampling to keep touches answered.
 */
export function isSoftwareRenderer(rendererName = webglRendererName()): boolean {
  return softwareRendererPattern.test(rendererName)
}

/**
 * The most drawing-buffer pixels a frame may have on a software rasteriser. With software
 * compositing Chromium reads the WebGL canvas back at every commit and the main thread waits
 * there until the frame is rasterised, so a frame's pixels become one main-thread task. Whisking
 * tea on SwiftShader (2 shared cores), the long tasks were 70–540 ms at full size, 50–300 ms at
 * 250k pixels and 0–67 ms at 160k (bench `tea-scene`, docs/performance.md). But at 160k the
 * whisk's bamboo tines and the glaze's hare's-fur streaks fall apart, and a curator judging a
 * 1920×1080 screen sees a blur; this budget keeps a 1280×800 kiosk's stage at full size and
 * draws a 1920×1080 one at about two-thirds, halving the wait rather than removing it.
 */
export const softwareFramePixelBudget = 640_000

/**
 * The pixel ratio to draw a `widthCssPx` × `heightCssPx` canvas at: the device's (at most 2), or
 * on a software rasteriser as much as keeps the frame within {@link softwareFramePixelBudget}
 * (the browser scales the smaller picture up: softer, but touches are answered in time).
 */
export function renderPixelRatio(
  widthCssPx: number,
  heightCssPx: number,
  devicePixelRatio: number,
  isSoftwareRendered: boolean,
): number {
  const deviceRatio = Math.min(devicePixelRatio, 2)
  if (!isSoftwareRendered) return deviceRatio
  const cssPixels = Math.max(1, widthCssPx * heightCssPx)
  return Math.min(deviceRatio, Math.sqrt(softwareFramePixelBudget / cssPixels))
}

/** As much of the page's globals as {@link canDrawInWorker} looks at (a test passes its own). */
export interface WorkerDrawingGlobals {
  readonly HTMLCanvasElement?: { readonly prototype: object }
  readonly OffscreenCanvas?: unknown
  readonly Worker?: unknown
}

/**
 * Whether the scenes can be drawn in a worker: the page's canvas can hand its drawing to an
 * OffscreenCanvas (`transferControlToOffscreen`) and module workers run. True in every Chromium
 * the kiosk ships in; elsewhere the scenes are drawn on the main thread (`PageHostedScenes`).
 * In a worker the compositor's wait for a software-rasterised frame leaves the page's main
 * thread (docs/performance.md, "Drawing in a worker").
 */
export function canDrawInWorker(globals: WorkerDrawingGlobals = globalThis): boolean {
  return (
    typeof globals.Worker === 'function' &&
    typeof globals.OffscreenCanvas === 'function' &&
    globals.HTMLCanvasElement !== undefined &&
    'transferControlToOffscreen' in globals.HTMLCanvasElement.prototype
  )
}
