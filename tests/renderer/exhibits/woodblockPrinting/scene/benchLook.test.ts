import { Box3, type BufferGeometry, Mesh, MeshBasicMaterial, type Object3D } from 'three'
import { describe, expect, it } from 'vitest'
import { DisposableStore } from '../../../../../src/lifecycle/disposable'
import { buildBenchTools } from '../../../../../renderer/exhibits/woodblockPrinting/scene/benchTools'
import {
  paintBlockSides,
  paintWorkbench,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/surfaceTextures'

function meshesOf(group: Object3D): Mesh[] {
  const meshes: Mesh[] = []
  group.traverse((node) => {
    if (node instanceof Mesh) meshes.push(node)
  })
  return meshes
}

function triangles(geometry: BufferGeometry): number {
  return (geometry.index?.count ?? geometry.getAttribute('position').count) / 3
}

describe('the bench tools', () => {
  const store = new DisposableStore()
  const shadowMaterial = new MeshBasicMaterial()
  const { tools } = buildBenchTools(store, shadowMaterial)
  const byName = Object.entries(tools)

  it('lays out the eight tools of the workshop, each one mesh and one contact shadow', () => {
    expect(Object.keys(tools).sort()).toEqual(
      [
        'brushRest',
        'chisel',
        'inkBrush',
        'inkStone',
        'knife',
        'rubbingPad',
        'waterDish',
        'writingBrush',
      ].sort(),
    )
    for (const [name, group] of byName) {
      const meshes = meshesOf(group)
      const shadows = meshes.filter((mesh) => mesh.material === shadowMaterial)
      // The ink stone's well is a second, glossy mesh (wet ink); every other tool is one draw.
      expect(meshes.length - shadows.length, name).toBe(name === 'inkStone' ? 2 : 1)
      expect(shadows, name).toHaveLength(1)
    }
  })

  it('costs at most 17 draw calls and 8k triangles for the whole set (budget: 60 calls, 200k)', () => {
    const meshes = byName.flatMap(([, group]) => meshesOf(group))
    expect(meshes.length).toBeLessThanOrEqual(17)
    const total = meshes.reduce((sum, mesh) => sum + triangles(mesh.geometry), 0)
    expect(total).toBeLessThan(8000)
  })

  it('stands every tool on the bench, its shadow under it', () => {
    for (const [name, group] of byName) {
      const [tool] = meshesOf(group).filter((mesh) => mesh.material !== shadowMaterial)
      const box = new Box3().setFromBufferAttribute(
        tool!.geometry.getAttribute('position') as never,
      )
      expect(box.min.y, name).toBeGreaterThan(-0.005)
      expect(box.min.y, name).toBeLessThan(0.004)
      const shadow = meshesOf(group).find((mesh) => mesh.material === shadowMaterial)!
      expect(Math.abs(shadow.position.x - (box.min.x + box.max.x) / 2), name).toBeLessThan(0.01)
      expect(Math.abs(shadow.position.z - (box.min.z + box.max.z) / 2), name).toBeLessThan(0.01)
    }
  })

  it('draws the rubbing pad the size of a hand: about a third of the block across, not a domino', () => {
    const [pad] = meshesOf(tools.rubbingPad).filter((mesh) => mesh.material !== shadowMaterial)
    const box = new Box3().setFromBufferAttribute(pad!.geometry.getAttribute('position') as never)
    const scale = tools.rubbingPad.scale.x
    const sides = [box.max.x - box.min.x, box.max.z - box.min.z].map((side) => side * scale)
    // The block's long side is one unit (some 25 cm): a hand's length is 0.3–0.42 of it.
    expect(Math.max(...sides)).toBeGreaterThan(0.3)
    expect(Math.max(...sides)).toBeLessThan(0.42)
    expect(Math.min(...sides)).toBeGreaterThan(0.18)
  })

  it('lays the knives and the brush tip first, handle towards the visitor (+z), narrow across', () => {
    for (const name of ['knife', 'chisel', 'writingBrush'] as const) {
      const [tool] = meshesOf(tools[name]).filter((mesh) => mesh.material !== shadowMaterial)
      const box = new Box3().setFromBufferAttribute(
        tool!.geometry.getAttribute('position') as never,
      )
      expect(box.min.z, name).toBeGreaterThan(-0.002)
      expect(box.max.z - box.min.z, name).toBeGreaterThan(3 * (box.max.x - box.min.x))
    }
  })

  it('gives the knife a slanted edge: the blade is narrower at its tip than where it is bound', () => {
    const [knife] = meshesOf(tools.knife).filter((mesh) => mesh.material !== shadowMaterial)
    const positions = knife!.geometry.getAttribute('position')
    const widthNear = (z0: number, z1: number) => {
      let min = Infinity
      let max = -Infinity
      for (let i = 0; i < positions.count; i++) {
        const z = positions.getZ(i)
        if (z < z0 || z > z1) continue
        min = Math.min(min, positions.getX(i))
        max = Math.max(max, positions.getX(i))
      }
      return max - min
    }
    // Only the point itself reaches z = 0; a square-ended blade would be full width there.
    expect(widthNear(-0.001, 0.004)).toBeLessThan(0.5 * widthNear(-0.001, 0.042))
  })
})

/** Mean of a channel sum over a window of a painted RGB field. */
function meanBrightness(
  rgb: Float32Array,
  width: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): number {
  let sum = 0
  let count = 0
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 3
      sum += rgb[i]! + rgb[i + 1]! + rgb[i + 2]!
      count++
    }
  }
  return sum / count
}

describe('the workbench and the block sides', () => {
  const lighting = { widthUnits: 7, depthUnits: 5.25, litX: -1, litZ: -0.7, reachUnits: 2.1 }
  const width = 140
  const height = 105
  const bench = paintWorkbench(width, height, lighting)

  it('bakes the window light: bright where it falls (upper left), dim at the far right corner', () => {
    // Scene (−1, −0.7) sits at texel (width · (−1 / 7 + 0.5), height · (−0.7 / 5.25 + 0.5)).
    const litX = Math.round(width * (-1 / 7 + 0.5))
    const litY = Math.round(height * (-0.7 / 5.25 + 0.5))
    const lit = meanBrightness(bench, width, litX - 4, litY - 4, litX + 4, litY + 4)
    const far = meanBrightness(bench, width, width - 10, height - 10, width, height)
    expect(lit).toBeGreaterThan(2 * far)
  })

  it('is one surface, not a tile: no column of texels repeats another a third of the way on', () => {
    let same = 0
    const shift = Math.round(width / 3)
    for (let y = 0; y < height; y++) {
      const a = bench[(y * width + 10) * 3]!
      const b = bench[(y * width + 10 + shift) * 3]!
      if (Math.abs(a - b) < 1e-6) same++
    }
    expect(same).toBeLessThan(height / 4)
  })

  it('paints end grain darker than the long grain of the sides, with rings across the height', () => {
    const sideWidth = 128
    const sideHeight = 32
    const sides = paintBlockSides(sideWidth, sideHeight)
    const longGrain = meanBrightness(sides, sideWidth, 0, 0, sideWidth / 2, sideHeight)
    const endGrain = meanBrightness(sides, sideWidth, sideWidth / 2, 0, sideWidth, sideHeight)
    expect(endGrain).toBeLessThan(longGrain)
    // Down one column of the end grain the rings rise and fall several times.
    let turns = 0
    let previousRising: boolean | undefined
    for (let y = 1; y < sideHeight; y++) {
      const column = Math.round(sideWidth * 0.72)
      const here = meanBrightness(sides, sideWidth, column, y, column + 1, y + 1)
      const before = meanBrightness(sides, sideWidth, column, y - 1, column + 1, y)
      const rising = here > before
      if (previousRising !== undefined && rising !== previousRising) turns++
      previousRising = rising
    }
    expect(turns).toBeGreaterThanOrEqual(3)
  })
})
