/** What only the renderer can measure for the diagnostics panel. */
export interface RendererDiagnostics {
  readonly framesPerSecond: number
  /** Chromium's JS heap figures, when it exposes them. */
  readonly jsHeapUsedBytes: number | undefined
  readonly jsHeapLimitBytes: number | undefined
  /** The GPU and driver WebGL reports, e.g. "ANGLE (Google, SwiftShader …)". */
  readonly webglRenderer: string | undefined
  readonly webglVersion: string | undefined
  readonly screen: string
}

/** Counts animation frames over `sampleMs`. */
export function measureFramesPerSecond(sampleMs = 1000): Promise<number> {
  return new Promise((resolve) => {
    let frames = 0
    const startMs = performance.now()
    const onFrame = (nowMs: number) => {
      frames += 1
      if (nowMs - startMs >= sampleMs) resolve(Math.round((frames * 1000) / (nowMs - startMs)))
      else requestAnimationFrame(onFrame)
    }
    requestAnimationFrame(onFrame)
  })
}

/**
 * The WebGL renderer and version strings, from a throw-away context that is released at once
 * (the scene host's one renderer is left alone).
 */
export function readWebglInfo(): { renderer: string | undefined; version: string | undefined } {
  const canvas = document.createElement('canvas')
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl')
  if (!gl) return { renderer: undefined, version: undefined }
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info')
  const renderer = String(
    gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER),
  )
  const version = String(gl.getParameter(gl.VERSION))
  gl.getExtension('WEBGL_lose_context')?.loseContext()
  return { renderer, version }
}

/** Everything the renderer adds to the services' diagnostics. */
export async function collectRendererDiagnostics(): Promise<RendererDiagnostics> {
  const memory = (
    performance as Performance & { memory?: { usedJSHeapSize: number; jsHeapSizeLimit: number } }
  ).memory
  const webgl = readWebglInfo()
  return {
    framesPerSecond: await measureFramesPerSecond(),
    jsHeapUsedBytes: memory?.usedJSHeapSize,
    jsHeapLimitBytes: memory?.jsHeapSizeLimit,
    webglRenderer: webgl.renderer,
    webglVersion: webgl.version,
    screen: `${window.screen.width}×${window.screen.height} @${window.devicePixelRatio}x, window ${window.innerWidth}×${window.innerHeight}`,
  }
}
