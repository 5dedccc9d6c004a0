import { InstancedMesh, MeshLambertMaterial, Object3D, TorusGeometry, Vector3 } from 'three'
import type { Disposable } from '../../../../src/lifecycle/disposable'

/** Chips in the air at once, and how long one lives, in seconds. */
const chipCount = 48
const chipLifeSeconds = 1.1
const gravityUnitsPerSecond2 = 2.4

interface Chip {
  readonly position: Vector3
  readonly velocity: Vector3
  readonly spin: Vector3
  ageSeconds: number
}

/**
 * Curled shavings that spring off the blade as the wood is cut: one instanced mesh (one draw
 * call), a ring of chips reused oldest first. Under reduced motion nothing flies.
 */
export class WoodChips implements Disposable {
  readonly mesh: InstancedMesh
  readonly #chips: Chip[] = []
  readonly #dummy = new Object3D()
  #next = 0

  constructor() {
    // A curl: most of a thin ring, as a pared-off shaving rolls up.
    const geometry = new TorusGeometry(0.006, 0.0022, 3, 7, Math.PI * 1.4)
    const material = new MeshLambertMaterial({ color: '#d9b48a' })
    this.mesh = new InstancedMesh(geometry, material, chipCount)
    this.mesh.frustumCulled = false
    for (let i = 0; i < chipCount; i++) {
      this.#chips.push({
        position: new Vector3(),
        velocity: new Vector3(),
        spin: new Vector3(),
        ageSeconds: chipLifeSeconds,
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
  }

  update(deltaSeconds: number, floorY: number): void {
    let isMoving = false
    this.#chips.forEach((chip, i) => {
      if (chip.ageSeconds >= chipLifeSeconds) return
      isMoving = true
      chip.ageSeconds += deltaSeconds
      chip.velocity.y -= gravityUnitsPerSecond2 * deltaSeconds
      chip.position.addScaledVector(chip.velocity, deltaSeconds)
      if (chip.position.y < floorY) {
        chip.position.y = floorY
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
    const life = chip.ageSeconds / chipLifeSeconds
    const dummy = this.#dummy
    dummy.position.copy(chip.position)
    dummy.rotation.set(
      chip.spin.x * chip.ageSeconds,
      chip.spin.y * chip.ageSeconds,
      chip.spin.z * chip.ageSeconds,
    )
    // Settled chips shrink away at the end of their life; a spent chip is scaled to nothing.
    dummy.scale.setScalar(life >= 1 ? 0 : life > 0.75 ? (1 - life) * 4 : 1)
    dummy.updateMatrix()
    this.mesh.setMatrixAt(i, dummy.matrix)
  }
}
