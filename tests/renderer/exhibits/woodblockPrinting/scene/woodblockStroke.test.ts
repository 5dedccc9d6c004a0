import {
  Group,
  Mesh,
  MeshLambertMaterial,
  MeshPhongMaterial,
  PlaneGeometry,
  Scene,
  type WebGLRenderer,
} from 'three'
import { describe, expect, it } from 'vitest'
import { bitmapFromRows, createBitmap } from '../../../../../src/exhibits/woodblockPrinting/bitmap'
import { PrintingSession } from '../../../../../src/exhibits/woodblockPrinting/printingSession'
import { DisposableStore } from '../../../../../src/lifecycle/disposable'
import { BlockSurface } from '../../../../../renderer/exhibits/woodblockPrinting/scene/blockSurface'
import { PaperSurface } from '../../../../../renderer/exhibits/woodblockPrinting/scene/paperSurface'
import { PeelingSheet } from '../../../../../renderer/exhibits/woodblockPrinting/scene/peelingSheet'
import type { SampleRubAway } from '../../../../../renderer/exhibits/woodblockPrinting/scene/sampleRubAway'
import type { CarvedRelief } from '../../../../../renderer/exhibits/woodblockPrinting/scene/carvedRelief'
import type { WoodChips } from '../../../../../renderer/exhibits/woodblockPrinting/scene/woodChips'
import type { WritingSheet } from '../../../../../renderer/exhibits/woodblockPrinting/scene/writingSheet'
import {
  paintPearWood,
  paintRicePaper,
} from '../../../../../renderer/exhibits/woodblockPrinting/scene/surfaceTextures'
import { rangeTexelUploader } from '../../../../../renderer/exhibits/woodblockPrinting/scene/texelUploads'
import { WoodblockScene } from '../../../../../renderer/exhibits/woodblockPrinting/scene/woodblockScene'
import { repaintRects } from '../../../../../renderer/exhibits/woodblockPrinting/scene/stationGestures'
import { ScriptedPointerSource } from '../../../../fixtures/scriptedPointerSource'

const cells = 16
/**
 * A woodblock scene over a flat, fully raised block, at the inking station, on a canvas of this
 * size (800 × 600 unless given), with reduced motion unless told otherwise.
 */
function inkingScene(canvasWidthPx = 800, canvasHeightPx = 600, isReducedMotion = true) {
  const relief = bitmapFromRows(Array.from({ length: cells }, () => '#'.repeat(cells)))
  const session = new PrintingSession(createBitmap(cells, cells))
  // The visitor wrote over the whole face: every cell is a stroke, no ground to clear.
  session.setSample(relief)
  const blockSurface = new BlockSurface(
    paintPearWood(cells, cells),
    session.carving,
    session.ink.bitmap,
  )
  const paperSurface = new PaperSurface(
    paintRicePaper(cells, cells),
    relief,
    session.ink.bitmap,
    session.rub.bitmap,
    0,
  )
  const tools = {
    writingBrush: new Group(),
    knife: new Group(),
    chisel: new Group(),
    inkBrush: new Group(),
    rubbingPad: new Group(),
    inkStone: new Group(),
    brushRest: new Group(),
    waterDish: new Group(),
  }
  // The tools lie on the bench: moving one changes the picture.
  const bench = new Scene().add(...Object.values(tools))
  const scene = new WoodblockScene(
    {
      scene: bench,
      session,
      blockSurface,
      paperSurface,
      // Neither the sheet, the relief geometry nor the chips take part in an inking stroke.
      writingSheet: { flush: () => {} } as unknown as WritingSheet,
      carvedRelief: {
        updateCells: () => {},
        setDepth: () => {},
        flushUploads: () => false,
      } as unknown as CarvedRelief,
      chips: { update: () => {}, spawn: () => {}, sweep: () => {} } as unknown as WoodChips,
      printRelief: relief,
      relief: new Mesh(),
      reliefMaterial: new MeshPhongMaterial(),
      sampleHinge: new Group(),
      sampleMaterial: new MeshLambertMaterial(),
      sampleRubAway: {
        repaintBlockCells: () => {},
        flushUploads: () => false,
      } as unknown as SampleRubAway,
      paperHinge: new Group(),
      paperPeel: new PeelingSheet(new PlaneGeometry(1.14, 1.14, 8, 1), 1.14),
      tools,
      isMotif: false,
      blockText: '宋',
      faceWidth: 1,
      faceHeight: 1,
      marginUnits: 0.07,
      bodyOverhangUnits: 0.12,
      paperWidth: 1.14,
      paperHeight: 1.14,
      sampleWidth: 1.23,
      textureBytes: 0,
      texelUploader: rangeTexelUploader,
    },
    {
      block: { carving: 'characters', text: '宋' },
      listener: {},
      overlayBands: { topCssPx: 73, bottomCssPx: 80, sideCssPx: 16 },
    },
    {
      renderer: {} as WebGLRenderer,
      signal: new AbortController().signal,
      isReducedMotion,
      sizeCssPx: { width: canvasWidthPx, height: canvasHeightPx },
    },
    new DisposableStore(),
  )
  const pointer = new ScriptedPointerSource(canvasWidthPx, canvasHeightPx)
  scene.connect(pointer)
  scene.resize(canvasWidthPx, canvasHeightPx)
  scene.camera.updateMatrixWorld()
  const cameraAtSample = scene.camera.position.clone()
  session.moveOn()
  session.foldTo(1)
  session.releaseFold()
  for (let i = 0; i < 12; i++)
    session.transferStroke({ x: 0, y: (i + 0.5) / 12 }, { x: 1, y: (i + 0.5) / 12 })
  session.releaseTransferRub()
  expect(session.phase).toBe('carve')
  session.moveOn()
  session.masterCarve(Number.POSITIVE_INFINITY)
  expect(session.phase).toBe('ink')
  // Long enough for the camera to settle on the inking station when it moves.
  scene.update(10)
  scene.camera.updateMatrixWorld()
  const face = scene.blockScreenRect()!
  /** Screen point of block point (u, v), 0–1 across the face (near enough for whole cells). */
  const at = (u: number, v: number) => ({
    xCssPx: face.x + u * face.width,
    yCssPx: face.y + v * face.height,
  })
  return { scene, session, blockSurface, pointer, at, cameraAtSample }
}

const inkAt = (session: PrintingSession, u: number, v: number) =>
  session.ink.bitmap.data[Math.floor(v * cells) * cells + Math.floor(u * cells)]!

describe('woodblock strokes from coalesced pointer samples', () => {
  it('inks the middle of a stroke that reached the page only as coalesced samples', () => {
    const { session, blockSurface, pointer, at } = inkingScene()
    const texels = blockSurface.texture.image.data as Uint8Array
    const before = Uint8Array.from(texels)
    // Down on the left, over to the right and back to the left within one frame: the browser
    // delivers one move (at the end) carrying the samples on the way.
    pointer.press(at(0.15, 0.2))
    const end = at(0.15, 0.8)
    pointer.move(end, [at(0.85, 0.5), end])
    pointer.lift(end)

    expect(inkAt(session, 0.85, 0.5)).toBeGreaterThan(0)
    expect(inkAt(session, 0.5, 0.35)).toBeGreaterThan(0)
    // The block's texture was repainted where the middle of the stroke went (flipped rows: the
    // texel of bitmap row y sits at texture row height − 1 − y).
    const size = cells
    const x = Math.floor(0.85 * size)
    const y = size - 1 - Math.floor(0.5 * size)
    const offset = (y * size + x) * 4
    expect(texels[offset]).not.toBe(before[offset])
  })

  it('without coalesced samples, inks only the straight line the delivered move gives (the case above is no accident)', () => {
    const { session, pointer, at } = inkingScene()
    pointer.press(at(0.15, 0.2))
    pointer.move(at(0.15, 0.8))
    pointer.lift(at(0.15, 0.8))
    expect(inkAt(session, 0.15, 0.5)).toBeGreaterThan(0)
    expect(inkAt(session, 0.85, 0.5)).toBe(0)
  })
})

describe('woodblock scene input', () => {
  it('reads the fingers from the pointer source it is connected to until it is disposed', () => {
    const { scene, session, pointer, at } = inkingScene()
    expect(pointer.listenerCount).toBe(1)
    scene.dispose()
    expect(pointer.listenerCount).toBe(0)
    pointer.press(at(0.15, 0.2))
    pointer.move(at(0.85, 0.2))
    pointer.lift(at(0.85, 0.2))
    expect(inkAt(session, 0.5, 0.2)).toBe(0)
  })
})

describe('woodblock camera framing', () => {
  it('at the inking station, fills most of a tall screen’s width with the block', () => {
    const { scene } = inkingScene(992, 1595, false)
    const face = scene.blockScreenRect()!
    // The face with the block's shoulder round its paper margin (docs/woodblock-stations.md).
    expect(face.width / 992).toBeGreaterThan(0.7)
    // Centred across, and clear of the hint above and the controls below.
    expect(face.x + face.width / 2).toBeCloseTo(496, -1)
    expect(face.y).toBeGreaterThan(73)
    expect(face.y + face.height).toBeLessThan(1595 - 80)
  })

  it('keeps the landscape look: the block about half the height of a wide screen', () => {
    for (const [width, height] of [
      [1832, 864],
      [1192, 584],
    ] as const) {
      const face = inkingScene(width, height, false).scene.blockScreenRect()!
      expect(face.height / height).toBeGreaterThan(0.42)
      expect(face.height / height).toBeLessThan(0.65)
    }
  })

  it('with reduced motion, shows the whole bench from one place at every station', () => {
    const { scene, cameraAtSample } = inkingScene(992, 1595, true)
    expect(scene.camera.position.distanceTo(cameraAtSample)).toBe(0)
    // Without reduced motion the camera closes in on the block for inking.
    const moving = inkingScene(992, 1595, false)
    expect(moving.scene.camera.position.distanceTo(moving.cameraAtSample)).toBeGreaterThan(0.5)
    // The bench is three sheets wide: the block takes roughly a third of it.
    const face = scene.blockScreenRect()!
    expect(face.width / 992).toBeGreaterThan(0.25)
    expect(face.width / 992).toBeLessThan(0.4)
  })
})

describe('repaintRects', () => {
  it('repaints neighbouring rectangles as one and distant ones apart', () => {
    const a = { x0: 0, y0: 0, x1: 4, y1: 4 }
    const b = { x0: 2, y0: 2, x1: 6, y1: 6 }
    expect(repaintRects([a, b])).toEqual([{ x0: 0, y0: 0, x1: 6, y1: 6 }])
    const far = { x0: 100, y0: 100, x1: 104, y1: 104 }
    expect(repaintRects([a, far])).toEqual([a, far])
    expect(repaintRects([])).toEqual([])
  })
})

describe('woodblock render on demand', () => {
  it('comes to rest once the camera has settled, and wakes for just the frames a stroke changes', () => {
    const { scene, pointer, at } = inkingScene(800, 600, false)
    const frame = () => {
      scene.update(1 / 60)
      return scene.isAtRest()
    }
    let frames = 0
    while (!frame() && frames < 60 * 30) frames++
    // Eased moves arrive (an exponential ease alone never would) within a few seconds.
    expect(frames).toBeLessThan(60 * 8)
    expect(frame()).toBe(true)
    pointer.press(at(0.3, 0.3))
    expect(frame()).toBe(true) // a finger resting on the block changes nothing yet
    pointer.move(at(0.6, 0.3))
    expect(frame()).toBe(false) // ink laid and the brush moved: draw
    expect(frame()).toBe(true) // the finger holds still: the last frame stands
    pointer.lift(at(0.6, 0.3))
    expect(frame()).toBe(false) // the brush goes back to its place
    expect(frame()).toBe(true)
  })
})
