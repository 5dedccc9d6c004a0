import { InstancedMesh, MeshLambertMaterial, Object3D, TorusGeometry, Vector3 } from 'three'
import type { Disposable } from '../../../../src/lifecycle/disposable'

/** Chips at once (in the air or lying on the work), and how long one flies, in seconds. */
const chipCount = 48
const chipLifeSeconds = 1.1
const gravityUnitsPerSecond2 = 2.4

interface Chip {
  readonly position: Vector3
  readonly velocity: Vector3
  readonly spin: Vector3
  ageSeconds: number
  /** Landed and lying where it fell, until the work is swept ({@link WoodChips.sweep}). */
  isResting: boolean
}

/**
 * Curled shavings that spring off the blade as the wood is cut and lie where they land, round
 * the carving, until the block is swept for printing: one instanced mesh (one draw call), a ring
 * of chips reused oldest first. Under reduced motion nothing flies.
 */
export class WoodChips implements Disposable {
  readonly mesh: InstancedMesh
  readonly #chips: Chip[] = []
  readonly #dummy = new Object3D()
  #next = 0
  #isSwept = true

  /**
   * `faceHalfWidth` and `faceHalfDepth` bound the block's face round the origin (scene units): a
   * chip that lands on it lies there; one flung beyond it falls off the block and is gone.
   */
  constructor(
    private readonly faceHalfWidth: number,
    private readonly faceHalfDepth: number,
  ) {
    // A curl: most of a thin ring, as a pared-off shaving rolls up.
    // About 3 mm across on a block some 25 cm long: a chip a visitor can see on the ground.
    const geometry = new TorusGeometry(0.01, 0.0032, 3, 7, Math.PI * 1.4)
    const material = new MeshLambertMaterial({ color: '#d9b48a' })
    this.mesh = new InstancedMesh(geometry, material, chipCount)
    this.mesh.frustumCulled = false
    for (let i = 0; i < chipCount; i++) {
      this.#chips.push({
        position: new Vector3(),
        velocity: new Vector3(),
        spin: new Vector3(),
        ageSeconds: chipLifeSeconds,
        isResting: false,
      })
      this.#place(i)
    }
    this.mesh.instanceMatrix.needsUpdate = true
  }

  /** A chip springs off at (x, y, z) (scene units), flung away from the blade's travel. */
  spawn(x: number, y: number, z: number, travelX: number, travelZ: number): void {
    const chip = this.#chips[this.#next]!
    this.#next = (this.#next + 1) % chipCount
    const length = Math.hypot(travelX, travelZ) || 1
    const side = Math.random() < 0.5 ? -1 : 1
    chip.position.set(x, y, z)
    chip.velocity.set(
      (-travelZ / length) * side * 0.25 + (Math.random() - 0.5) * 0.15,
      0.35 + Math.random() * 0.3,
      (travelX / length) * side * 0.25 + (Math.random() - 0.5) * 0.15,
    )
    chip.spin.set(Math.random() * 8, Math.random() * 8, Math.random() * 8)
    chip.ageSeconds = 0
    chip.isResting = false
    this.#isSwept = false
  }

  /** The carver brushes the chips off the block before it is inked: they are all gone at once. */
  sweep(): void {
    if (this.#isSwept) return
    this.#isSwept = true
    this.#chips.forEach((chip, i) => {
      chip.ageSeconds = chipLifeSeconds
      chip.isResting = false
      this.#place(i)
    })
    this.mesh.instanceMatrix.needsUpdate = true
  }

  update(deltaSeconds: number, floorY: number): void {
    let isMoving = false
    this.#chips.forEach((chip, i) => {
      if (chip.ageSeconds >= chipLifeSeconds) return
      isMoving = true
      chip.ageSeconds += deltaSeconds
      if (chip.ageSeconds >= chipLifeSeconds) {
        // Its flight is over: on the face it lies where it fell, flat on its side.
        chip.isResting =
          Math.abs(chip.position.x) < this.faceHalfWidth &&
          Math.abs(chip.position.z) < this.faceHalfDepth
        chip.position.y = floorY + 0.003
        this.#place(i)
        return
      }
      chip.velocity.y -= gravityUnitsPerSecond2 * deltaSeconds
      chip.position.addScaledVector(chip.velocity, deltaSeconds)
      if (chip.position.y < floorY) {
        chip.position.y = floorY + 0.003
        chip.velocity.multiplyScalar(0.3)
        chip.velocity.y = Math.abs(chip.velocity.y) * 0.2
      }
      this.#place(i)
    })
    if (isMoving) this.mesh.instanceMatrix.needsUpdate = true
  }

  dispose(): void {
    this.mesh.geometry.dispose()
    ;(this.mesh.material as MeshLambertMaterial).dispose()
    this.mesh.dispose()
  }

  #place(i: number): void {
    const chip = this.#chips[i]!
    const dummy = this.#dummy
    dummy.position.copy(chip.position)
    if (chip.isResting) {
      dummy.rotation.set(Math.PI / 2, chip.spin.y, 0)
    } else {
      dummy.rotation.set(
        chip.spin.x * chip.ageSeconds,
        chip.spin.y * chip.ageSeconds,
        chip.spin.z * chip.ageSeconds,
      )
    }
    // A chip that never flew, or was swept away, is scaled to nothing.
    dummy.scale.setScalar(chip.isResting || chip.ageSeconds < chipLifeSeconds ? 1 : 0)
    dummy.updateMatrix()
    this.mesh.setMatrixAt(i, dummy.matrix)
  }
}
