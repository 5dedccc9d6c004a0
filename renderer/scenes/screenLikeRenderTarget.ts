import { SRGBColorSpace, UnsignedByteType, WebGLRenderTarget } from 'three'

/**
 * An 8-bit render target that three draws into exactly as onto the canvas: every material
 * tone-maps and sRGB-encodes itself (the target is flagged as three flags a WebXR layer,
 * `isXRRenderTarget`, whose pictures it treats like the screen's), and the bytes are stored as
 * they are (no sRGB texture format, which would encode a second time on write).
 *
 * Every target the scenes draw into is made here, so all have one framebuffer format (RGBA8 with
 * a depth buffer): on SwiftShader (ANGLE on Vulkan) a pipeline is made per program and per
 * framebuffer format, so a second format (the canvas's own, with its stencil) would make every
 * material's pipelines again, a task of about a second (docs/performance.md). The caller owns it.
 */
export function screenLikeRenderTarget(widthPx: number, heightPx: number): WebGLRenderTarget {
  const target = new WebGLRenderTarget(widthPx, heightPx, {
    type: UnsignedByteType,
    depthBuffer: true,
  })
  target.texture.colorSpace = SRGBColorSpace
  target.texture.internalFormat = 'RGBA8'
  ;(target as { isXRRenderTarget?: boolean }).isXRRenderTarget = true
  return target
}
