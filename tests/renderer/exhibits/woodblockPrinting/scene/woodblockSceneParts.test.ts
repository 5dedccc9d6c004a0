import type { BufferAttribute } from 'three'
import { describe, expect, it } from 'vitest'
import { bitmapFromRows, createBitmap } from '../../../../../src/exhibits/woodblockPrinting/bitmap'
import { CarvingField } from '../../../../../src/exhibits/woodblockPrinting/carvingField'
import { DisposableStore } from '../../../../../src/lifecycle/disposable'
import { BlockSurface } from '../../../../../renderer/exhibits/woodblockPrinting/scene/blockSurface'
import { PaperSurface } from '../../../../../renderer/exhibits/woodblockPrinting/scene/paperSurface'
import { CarvedRelief } from '../../../../../renderer/exhibits/woodblockPrinting/scene/carvedRelief'
import {
  paintPearWood,
  paintRicePaper,
  texelOffset,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/surfaceTextures'
import { rangeTexelUploader } from '../../../../../renderer/exhibits/woodblockPrinting/scene/texelUploads'

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

/** The block above with its ground cleared: the strokes stand, the rest is cut away. */
function carved(): CarvingField {
  const field = new CarvingField(relief)
  field.clearGroundRows(0, 8)
  return field
}

describe('woodblock scene parts (no WebGL needed)', () => {
  it('repaints only the texels a brush stroke touched and queues one upload range a row', () => {
    const ink = createBitmap(8, 8)
    const surface = new BlockSurface(paintPearWood(8, 8), carved(), ink)
    const bytes = surface.texture.image.data as Uint8Array
    const before = Uint8Array.from(bytes)
    surface.texture.clearUpdateRanges()

    ink.data[1 * 8 + 2] = 1
    surface.repaintCells({ x0: 2, y0: 1, x1: 3, y1: 2 })
    expect(surface.flushUploads(rangeTexelUploader)).toBe(true)

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

  it('shows the carved ground dropping in relief: shadow beyond a stroke from the window, a lit wall on its window side', () => {
    // A stroke four cells wide standing in ground cleared all round, on wood of one even colour,
    // so every difference in the picture is the carving's light.
    const rows = Array.from({ length: 16 }, () => '.....####.......')
    const field = new CarvingField(bitmapFromRows(rows))
    field.clearGroundRows(0, 16)
    const surface = new BlockSurface(
      new Float32Array(16 * 16 * 3).fill(0.5),
      field,
      createBitmap(16, 16),
    )
    const bytes = surface.texture.image.data as Uint8Array
    const red = (x: number) => bytes[texelOffset(16, 16, x, 8)]!
    // The window is on the left: the ground two cells right of the stroke lies in its shadow,
    // the ground two cells left of it in the light (the trench darkens both alike).
    expect(red(10)).toBeLessThan(red(3) * 0.8)
    // Far from any wall the ground is still darker than the face: cut wood, not a print.
    expect(red(14)).toBeLessThan(red(6) * 0.75)
    // The stroke's left wall catches the light; its right wall is in shade.
    expect(red(5)).toBeGreaterThan(red(8) * 1.15)
  })

  it('repaints the shadow a cut casts beyond its own cells', () => {
    const rows = Array.from({ length: 16 }, () => '.....####.......')
    const field = new CarvingField(bitmapFromRows(rows))
    const surface = new BlockSurface(
      new Float32Array(16 * 16 * 3).fill(0.5),
      field,
      createBitmap(16, 16),
    )
    field.clearGroundRows(0, 16)
    surface.texture.clearUpdateRanges()
    // Only the cells just right of the stroke are reported cut; the shadow reaches further.
    surface.repaintCut({ x0: 9, y0: 6, x1: 10, y1: 10 })
    surface.flushUploads(rangeTexelUploader)
    const ranges = surface.texture.updateRanges
    const lastTexel = Math.max(...ranges.map((range) => (range.start + range.count) / 4))
    expect(lastTexel % 16 === 0 ? 16 : lastTexel % 16).toBeGreaterThanOrEqual(14)
  })

  it('shows a raised stroke inked as far as the station counts (0.5) dark against the bare wood and the cuts', () => {
    const ink = createBitmap(8, 8)
    const surface = new BlockSurface(paintPearWood(8, 8), carved(), ink)
    const bytes = surface.texture.image.data as Uint8Array
    const bareRaised = bytes[texelOffset(8, 8, 3, 1)]!
    ink.data.fill(0.5)
    surface.repaintCells({ x0: 0, y0: 0, x1: 8, y1: 8 })
    const inkedRaised = bytes[texelOffset(8, 8, 3, 1)]!
    const inkedCut = bytes[texelOffset(8, 8, 3, 2)]!
    expect(inkedRaised).toBeLessThan(bareRaised * 0.55)
    expect(inkedRaised).toBeLessThan(inkedCut * 0.7)
  })

  it('makes wet ink on the raised strokes glossy and leaves bare wood and the cut ground matte', () => {
    const ink = createBitmap(8, 8)
    const surface = new BlockSurface(paintPearWood(8, 8), carved(), ink)
    const wet = surface.wetInkTexture.image.data as Uint8Array
    // Before inking nothing shines.
    expect(wet[texelOffset(8, 8, 3, 1)]).toBe(0)
    surface.wetInkTexture.clearUpdateRanges()
    ink.data.fill(0.5)
    surface.repaintCells({ x0: 0, y0: 0, x1: 8, y1: 4 })
    surface.flushUploads(rangeTexelUploader)
    // The gloss map is uploaded by the same rows as the colour, not whole.
    expect(surface.wetInkTexture.updateRanges).toHaveLength(4)
    const raised = wet[texelOffset(8, 8, 3, 1)]!
    const cut = wet[texelOffset(8, 8, 3, 2)]!
    expect(raised).toBeGreaterThan(128)
    expect(cut).toBe(0)
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
    paper.flushUploads(rangeTexelUploader)
    expect(face[raised]!).toBeLessThan(unrubbed / 2)
    expect(back[raised]!).toBeLessThan(unrubbed)
    expect(back[raised]!).toBeGreaterThan(face[raised]!)
    expect(paper.faceTexture.updateRanges.length).toBe(1)
  })

  it('stands the uncut face at full height, then drops just the cells a cut touched', () => {
    const field = new CarvingField(relief)
    const carvedRelief = new CarvedRelief(field.depth, 1, 1, 0.04, 8)
    const triangles = (carvedRelief.geometry.index?.count ?? 0) / 3
    expect(triangles).toBe(2 * 8 * 8)
    const positions = carvedRelief.geometry.getAttribute('position') as BufferAttribute
    const zs = () => Array.from({ length: positions.count }, (_, i) => positions.getZ(i))
    expect(Math.min(...zs())).toBeCloseTo(0.04)
    positions.clearUpdateRanges()
    const rect = field.cut({ x: 0, y: 6.5 / 8 }, { x: 1, y: 6.5 / 8 }, 'chisel')!
    carvedRelief.updateCells(rect)
    // One chisel pass, one cell wide on this tiny field, read through the wall-softening filter.
    expect(Math.min(...zs())).toBeLessThan(0.03)
    // Uploads cover the rows the cut touched, not the whole plane.
    const ranges = positions.updateRanges
    expect(ranges).toHaveLength(1)
    expect(ranges[0]!.count).toBeLessThan(positions.count * 3)
    // The top rows, far from the cut, still stand.
    expect(positions.getZ(0)).toBeCloseTo(0.04)
    carvedRelief.dispose()
  })

  it('makes a flat normal where the wood is flat and a tilted one at a cut', () => {
    const carvedRelief = new CarvedRelief(carved().depth, 1, 1, 0.04, 8)
    const bytes = carvedRelief.normalMap.image.data as Uint8Array
    const flat = texelOffset(8, 8, 4, 6)
    expect([bytes[flat], bytes[flat + 1], bytes[flat + 2]]).toEqual([128, 128, 255])
    const edge = texelOffset(8, 8, 0, 1)
    expect(bytes[edge]).not.toBe(128)
    carvedRelief.dispose()
  })

  it('frees every texture and geometry it made through one DisposableStore', () => {
    const store = new DisposableStore()
    const disposed: string[] = []
    const ink = createBitmap(8, 8)
    const surface = new BlockSurface(paintPearWood(8, 8), carved(), ink)
    const paper = new PaperSurface(paintRicePaper(10, 10), relief, ink, createBitmap(8, 8), 1)
    const owned = [
      store.add(surface.texture),
      store.add(paper.backTexture),
      store.add(paper.faceTexture),
    ]
    const carvedRelief = store.add(new CarvedRelief(carved().depth, 1, 1, 0.04, 8))
    owned.push(carvedRelief.normalMap)
    owned.forEach((resource, i) =>
      resource.addEventListener('dispose', () => disposed.push(String(i))),
    )
    let isGeometryFreed = false
    carvedRelief.geometry.addEventListener('dispose', () => (isGeometryFreed = true))
    store.dispose()
    expect(disposed.sort()).toEqual(['0', '1', '2', '3'])
    expect(isGeometryFreed).toBe(true)
    expect(store.size).toBe(0)
  })
})
