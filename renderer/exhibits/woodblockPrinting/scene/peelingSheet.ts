import type { Material, Mesh, PlaneGeometry } from 'three'
import { peeledPoint } from '../../../../src/exhibits/woodblockPrinting/sheetPeel'

/** The curl the sheet rolls over as it is peeled, in scene units (the block's long side is 1). */
const curlRadiusUnits = 0.05
/** How far the contact shadow lies below the sheet, and how far it falls away from the window. */
const shadowDropUnits = 0.004
const shadowOffsetUnits = 0.012

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
  readonly #shadow: Mesh<PlaneGeometry, Material> | undefined
  #progress = 0
  #turnFacing = 1

  /**
   * `geometry` is a plane `widthUnits` wide with segments across, centred at x = widthUnits / 2;
   * `shadow` (optional) is the sheet's contact shadow, a sibling under the same hinge, which keeps
   * below the sheet however it is turned and fades as the sheet stands up or is peeled off.
   */
  constructor(geometry: PlaneGeometry, widthUnits: number, shadow?: Mesh<PlaneGeometry, Material>) {
    this.#geometry = geometry
    this.#widthUnits = widthUnits
    this.#shadow = shadow
    this.followTurn(0)
    const positions = geometry.getAttribute('position')
    this.#flatAcross = new Float32Array(positions.count)
    for (let i = 0; i < positions.count; i++)
      this.#flatAcross[i] = positions.getX(i) + widthUnits / 2
  }

  /**
   * The hinge turned the sheet by `angleRadians` about its held edge (0 lying to the right, π
   * turned over to the left): the shadow moves to the side that faces the bench.
   */
  followTurn(angleRadians: number): void {
    const shadow = this.#shadow
    if (!shadow) return
    const facing = Math.cos(angleRadians)
    const side = facing >= 0 ? 1 : -1
    shadow.position.x = this.#widthUnits / 2 + side * shadowOffsetUnits
    shadow.position.y = -side * shadowDropUnits
    this.#turnFacing = facing
    this.#fadeShadow()
  }

  /** A sheet standing up or peeled off casts no contact shadow. */
  #fadeShadow(): void {
    if (!this.#shadow) return
    this.#shadow.material.opacity = (1 - this.#progress) * Math.pow(Math.abs(this.#turnFacing), 4)
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
    this.#fadeShadow()
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
