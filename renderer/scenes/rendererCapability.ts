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
