/**
 * The picture a visitor draws on the foam (茶百戏): a square grid over the bowl's surface
 * holding how much each cell has been drawn on (0–1). It fades by itself within moments, as
 * 清异录 says such pictures did ("须臾即就散灭").
 */
export class FoamSketch {
  readonly size: number
  readonly values: Float32Array
  #visibleCells = 0

  /** Half-life of a stroke, in seconds: after about six of them (some 6 s) it is gone. */
  static readonly halfLifeSeconds = 1
  /** Values below this count as faded away. */
  static readonly visibleThreshold = 0.02

  constructor(size = 128) {
    if (!Number.isInteger(size) || size < 8 || size > 1024) {
      throw new RangeError(`sketch size must be an integer from 8 to 1024, got ${size}`)
    }
    this.size = size
    this.values = new Float32Array(size * size)
  }

  /** Whether anything of the picture is still visible. */
  get isVisible(): boolean {
    return this.#visibleCells > 0
  }

  /**
   * Draws a soft dot at (x, y) in bowl-surface coordinates (−1…1 across the surface), with a
   * radius in the same units.
   */
  paint(x: number, y: number, radius: number): void {
    const n = this.size
    const cx = ((x + 1) / 2) * n
    const cy = ((y + 1) / 2) * n
    const r = Math.max(0.5, (radius / 2) * n)
    const x0 = Math.max(0, Math.floor(cx - r))
    const x1 = Math.min(n - 1, Math.ceil(cx + r))
    const y0 = Math.max(0, Math.floor(cy - r))
    const y1 = Math.min(n - 1, Math.ceil(cy + r))
    for (let j = y0; j <= y1; j++) {
      for (let i = x0; i <= x1; i++) {
        const d = Math.hypot(i + 0.5 - cx, j + 0.5 - cy) / r
        if (d >= 1) continue
        const index = j * n + i
        const before = this.values[index]!
        const after = Math.max(before, 1 - d * d)
        if (before < FoamSketch.visibleThreshold && after >= FoamSketch.visibleThreshold)
          this.#visibleCells++
        this.values[index] = after
      }
    }
  }

  /** Lets `seconds` pass; returns whether anything changed. */
  fade(seconds: number): boolean {
    if (this.#visibleCells === 0 || !(seconds > 0)) return false
    const factor = Math.pow(0.5, seconds / FoamSketch.halfLifeSeconds)
    let visible = 0
    const values = this.values
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!
      if (v === 0) continue
      const next = v * factor
      if (next < FoamSketch.visibleThreshold) {
        values[i] = 0
      } else {
        values[i] = next
        visible++
      }
    }
    this.#visibleCells = visible
    return true
  }

  /** Writes the values as bytes (0–255) into `target` (for a texture upload). */
  writeBytes(target: Uint8Array): void {
    if (target.length !== this.values.length) {
      throw new RangeError(
        `target holds ${target.length} bytes; the sketch needs ${this.values.length}`,
      )
    }
    for (let i = 0; i < target.length; i++) target[i] = Math.round(this.values[i]! * 255)
  }

  clear(): void {
    this.values.fill(0)
    this.#visibleCells = 0
  }
}
