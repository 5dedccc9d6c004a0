import type { Material, PlaneGeometry } from 'three'
import { peeledPoint } from '../../../../src/exhibits/woodblockPrinting/sheetPeel'

/** The curl the sheet rolls over as it is peeled, in scene units (the block's long side is 1). */
const curlRadiusUnits = 0.045

/**
 * Bends the printing paper's plane as it is peeled off the block (揭纸): flat up to a fold line,
 * rolled over a small curl past it and lying back, printed face up, beyond. The geometry is the
 * sheet's own (held edge at x = 0 after the mesh's offset); only its vertices move, so the
 * textures and materials stay as they are. The geometry is owned by the workshop's store.
 */
export class PeelingSheet {
  readonly #geometry: PlaneGeometry
  readonly #widthUnits: number
  /** The plane's vertices' x before any peel, measured from the held edge. */
  readonly #flatAcross: Float32Array
  readonly #shadowMaterial: Material | undefined
  #progress = 0

  /**
   * `geometry` is a plane `widthUnits` wide with segments across, centred at x = widthUnits / 2;
   * `shadowMaterial` (optional) is the sheet's contact shadow, which fades as the sheet lifts off.
   */
  constructor(geometry: PlaneGeometry, widthUnits: number, shadowMaterial?: Material) {
    this.#geometry = geometry
    this.#widthUnits = widthUnits
    this.#shadowMaterial = shadowMaterial
    const positions = geometry.getAttribute('position')
    this.#flatAcross = new Float32Array(positions.count)
    for (let i = 0; i < positions.count; i++)
      this.#flatAcross[i] = positions.getX(i) + widthUnits / 2
  }

  /** How far the sheet is peeled (0 flat on the block, 1 turned over beyond its held edge). */
  get progress(): number {
    return this.#progress
  }

  /** Bends the sheet to `progress` (0–1); nothing is recomputed when it has not changed. */
  setProgress(progress: number): void {
    const clamped = Math.max(0, Math.min(1, progress))
    if (Math.abs(clamped - this.#progress) < 1e-4) return
    this.#progress = clamped
    if (this.#shadowMaterial) this.#shadowMaterial.opacity = 1 - clamped
    const positions = this.#geometry.getAttribute('position')
    for (let i = 0; i < positions.count; i++) {
      const point = peeledPoint(this.#flatAcross[i]!, this.#widthUnits, clamped, curlRadiusUnits)
      // The plane's local z is up once the mesh lies flat (turned −90° about x).
      positions.setX(i, point.across - this.#widthUnits / 2)
      positions.setZ(i, point.lift)
    }
    positions.needsUpdate = true
    this.#geometry.computeVertexNormals()
    this.#geometry.computeBoundingSphere()
  }
}
