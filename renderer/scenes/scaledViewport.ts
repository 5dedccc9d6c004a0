/**
 * The corner of a full-size render target a frame drawn at a fraction of full size fills, and how
 * the full-screen copy reads it back: the scene host draws a touched frame smaller without
 * resizing anything (see `SceneAntialiasing.render`).
 */
export interface ScaledViewport {
  /** The drawn corner from the target's origin, in device pixels (at least 1 × 1). */
  readonly widthPx: number
  readonly heightPx: number
  /** Multiplies the copy's 0–1 texture coordinates onto the drawn corner. */
  readonly uvScaleX: number
  readonly uvScaleY: number
  /**
   * The largest texture coordinates the copy may read: half a texel inside the corner, so the
   * bilinear read at its edge does not blend in the stale texels beyond it.
   */
  readonly uvMaxX: number
  readonly uvMaxY: number
}

/**
 * The viewport of a `targetWidthPx` × `targetHeightPx` target that a frame drawn at `scale`
 * (0–1 of full size, linear) covers.
 *
 * Why not a smaller drawing buffer: on a software rasteriser resizing the canvas and the
 * antialiasing target at the first touch (and back once it settles) reallocates both
 * framebuffers, a main-thread wait of 90 ms and more in the frame the visitor starts to write
 * (bench `woodblock-scene`); a viewport costs nothing to change.
 */
export function scaledViewport(
  targetWidthPx: number,
  targetHeightPx: number,
  scale: number,
): ScaledViewport {
  const fraction = Number.isFinite(scale) ? Math.min(1, Math.max(0, scale)) : 1
  const widthPx = Math.max(1, Math.min(targetWidthPx, Math.round(targetWidthPx * fraction)))
  const heightPx = Math.max(1, Math.min(targetHeightPx, Math.round(targetHeightPx * fraction)))
  const uvScaleX = widthPx / targetWidthPx
  const uvScaleY = heightPx / targetHeightPx
  return {
    widthPx,
    heightPx,
    uvScaleX,
    uvScaleY,
    uvMaxX: (widthPx - 0.5) / targetWidthPx,
    uvMaxY: (heightPx - 0.5) / targetHeightPx,
  }
}
