import { describe, expect, it } from 'vitest'
import { bitmapFromRows, createBitmap } from '../../../../../src/exhibits/woodblockPrinting/bitmap'
import { DisposableStore } from '../../../../../src/lifecycle/disposable'
import { BlockSurface } from '../../../../../renderer/exhibits/woodblockPrinting/scene/blockSurface'
import { PaperSurface } from '../../../../../renderer/exhibits/woodblockPrinting/scene/paperSurface'
import { buildReliefGeometry } from '../../../../../renderer/exhibits/woodblockPrinting/scene/reliefGeometry'
import {
  normalMapFromHeight,
  paintPearWood,
  paintRicePaper,
  texelOffset,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/surfaceTextures'

const relief = bitmapFromRows([
  '........',
  '.######.',
  '.#....#.',
  '.######.',
  '........',
  '........',
  '........',
  '........',
])

describe('woodblock scene parts (no WebGL needed)', () => {
  it('repaints only the texels a brush stroke touched and queues one upload range a row', () => {
    const ink = createBitmap(8, 8)
    const surface = new BlockSurface(paintPearWood(8, 8), relief, ink)
    const bytes = surface.texture.image.data as Uint8Array
    const before = Uint8Array.from(bytes)
    surface.texture.clearUpdateRanges()

    ink.data[1 * 8 + 2] = 1
    surface.repaintCells({ x0: 2, y0: 1, x1: 3, y1: 2 })

    const ranges = surface.texture.updateRanges
    expect(ranges.length).toBeGreaterThan(0)
    expect(ranges.length).toBeLessThanOrEqual(3)
    for (const range of ranges) expect(range.count).toBeLessThanOrEqual(3 * 4)
    const inked = texelOffset(8, 8, 2, 1)
    expect(bytes[inked]!).toBeLessThan(before[inked]! / 2)
    // A texel far from the stroke is untouched.
    const far = texelOffset(8, 8, 6, 6)
    expect(bytes[far]).toBe(before[far])
  })

  it('shows a raised stroke inked as far as the station counts (0.5) dark against the bare wood and the cuts', () => {
    const ink = createBitmap(8, 8)
    const surface = new BlockSurface(paintPearWood(8, 8), relief, ink)
    const bytes = surface.texture.image.data as Uint8Array
    const bareRaised = bytes[texelOffset(8, 8, 3, 1)]!
    ink.data.fill(0.5)
    surface.repaintCells({ x0: 0, y0: 0, x1: 8, y1: 8 })
    const inkedRaised = bytes[texelOffset(8, 8, 3, 1)]!
    const inkedCut = bytes[texelOffset(8, 8, 3, 2)]!
    expect(inkedRaised).toBeLessThan(bareRaised * 0.55)
    expect(inkedRaised).toBeLessThan(inkedCut * 0.7)
  })

  it('shows the impression through the back of the paper only where inked wood was rubbed', () => {
    const ink = createBitmap(8, 8)
    ink.data.fill(1)
    const rub = createBitmap(8, 8)
    const paper = new PaperSurface(paintRicePaper(10, 10), relief, ink, rub, 1)
    const back = paper.backTexture.image.data as Uint8Array
    const face = paper.faceTexture.image.data as Uint8Array
    // Block cell (1,1) is raised wood; it is paper texel (2,2) because of the margin.
    const raised = texelOffset(10, 10, 2, 2)
    const unrubbed = face[raised]!
    rub.data[1 * 8 + 1] = 3
    paper.repaintCells({ x0: 1, y0: 1, x1: 2, y1: 2 })
    expect(face[raised]!).toBeLessThan(unrubbed / 2)
    expect(back[raised]!).toBeLessThan(unrubbed)
    expect(back[raised]!).toBeGreaterThan(face[raised]!)
    expect(paper.faceTexture.updateRanges.length).toBe(1)
  })

  it('raises the relief geometry where wood stands and stays within the triangle budget', () => {
    const geometry = buildReliefGeometry(relief, 1, 1, 0.04, 150)
    const triangles = (geometry.index?.count ?? 0) / 3
    expect(triangles).toBe(2 * 150 * 150)
    expect(triangles).toBeLessThanOrEqual(200_000)
    const box = geometry.boundingBox!
    expect(box.max.z).toBeCloseTo(0.04, 3)
    expect(box.min.z).toBe(0)
    geometry.dispose()
  })

  it('makes a flat normal where the wood is flat and a tilted one at a cut', () => {
    const normals = normalMapFromHeight(relief, 4)
    const bytes = normals.image.data as Uint8Array
    const flat = texelOffset(8, 8, 4, 6)
    expect([bytes[flat], bytes[flat + 1], bytes[flat + 2]]).toEqual([128, 128, 255])
    const edge = texelOffset(8, 8, 0, 1)
    expect(bytes[edge]).not.toBe(128)
    normals.dispose()
  })

  it('frees every texture and geometry it made through one DisposableStore', () => {
    const store = new DisposableStore()
    const disposed: string[] = []
    const ink = createBitmap(8, 8)
    const surface = new BlockSurface(paintPearWood(8, 8), relief, ink)
    const paper = new PaperSurface(paintRicePaper(10, 10), relief, ink, createBitmap(8, 8), 1)
    const owned = [
      store.add(surface.texture),
      store.add(paper.backTexture),
      store.add(paper.faceTexture),
      store.add(normalMapFromHeight(relief, 4)),
      store.add(buildReliefGeometry(relief, 1, 1, 0.04, 8)),
    ]
    owned.forEach((resource, i) =>
      resource.addEventListener('dispose', () => disposed.push(String(i))),
    )
    store.dispose()
    expect(disposed.sort()).toEqual(['0', '1', '2', '3', '4'])
    expect(store.size).toBe(0)
  })
})
