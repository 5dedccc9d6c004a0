import type { CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'
import type { CarvingTool } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import type {
  PrintingPhase,
  PrintingSessionListener,
} from '../../../../src/exhibits/woodblockPrinting/printingSession'
import type { HostedSceneKind } from '../../../scenes/hostedScene'
import type { CarvingSource } from './carvingSource'
import type { ScreenRect } from './stationCamera'
import { loadShopMarkFace } from './shopMarkFace'
import type { OverlayBands } from './workbenchFraming'
import {
  woodblockSceneFactory,
  type WoodblockScene,
  type WoodblockSceneListener,
} from './woodblockScene'

/** What the exhibit component asks the workshop for (plain data: it may cross to the worker). */
export interface WoodblockSceneRequest {
  readonly block: CarvingSource
  /** The exhibit's controls over the edges of the view (`WoodblockSceneOptions.overlayBands`). */
  readonly overlayBands: OverlayBands
}

/** Where the visitor is in the workshop: sent whenever it changes (the `changed` event). */
export interface WoodblockStationState {
  readonly phase: PrintingPhase
  readonly canMoveOn: boolean
  readonly carvingTool: CarvingTool
  readonly isMasterCarving: boolean
  readonly isScribeWriting: boolean
  readonly isSampleDown: boolean
}

/**
 * What the exhibit component shows of the workshop after each drawn frame: where things are on
 * screen (CSS px in the scene area) for the hint ring, the reversal note and the tests.
 */
export interface WoodblockSceneState {
  /** Bytes of texture data the scene made (`WoodblockScene.textureBytes`). */
  readonly textureBytes: number
  readonly blockRect: ScreenRect | undefined
  readonly sampleRect: ScreenRect | undefined
  /** The box of what the station's hint points at. */
  readonly hintTargetRect: ScreenRect | undefined
  readonly toolsRect: ScreenRect | undefined
  /** The shop's mark reversed on the block, while it is to be seen there. */
  readonly shopMarkBlockRect: ScreenRect | undefined
  /** Where the shop's mark is on the page, in shares of the sheet as read (none on a motif). */
  readonly shopMarkArea: CellRect | undefined
  /** Share of the ground cleared, 0–1. */
  readonly clearedFraction: number
}

/**
 * What the exhibit component hears from the workshop, as plain data: the session's events (the
 * print with its sheet included) and the station's state whenever it changes.
 */
export interface WoodblockPageListener extends PrintingSessionListener {
  changed?(state: WoodblockStationState): void
}

/** What the exhibit component may ask of the workshop. */
export type WoodblockSceneCalls = {
  /** Finishes the current station (`WoodblockScene.moveOn`). */
  moveOn(): boolean
  /** Takes up a carving tool (`WoodblockScene.setCarvingTool`). */
  setCarvingTool(tool: CarvingTool): void
  /** The scribe writes the sample (`WoodblockScene.scribeWrite`). */
  scribeWrite(): void
}

function stationStateOf(scene: WoodblockScene): WoodblockStationState {
  return {
    phase: scene.phase,
    canMoveOn: scene.canMoveOn,
    carvingTool: scene.carvingTool,
    isMasterCarving: scene.isMasterCarving,
    isScribeWriting: scene.isScribeWriting,
    isSampleDown: scene.isSampleDown,
  }
}

/**
 * The woodblock workshop shown by name, in the scene worker or on the page
 * (`hostedSceneKinds.ts`): its model glyph face and the shop mark's face load into the host's
 * font set (the worker's `self.fonts` sees none of the page's).
 */
export const woodblockSceneHosting: HostedSceneKind<WoodblockScene, WoodblockSceneRequest> = {
  factory: (emit, request, { fonts }) => {
    if (!request) throw new Error('The woodblock workshop is shown for a block (no block given)')
    const listener: WoodblockSceneListener = {
      stationActive: (id) => emit('stationActive', [id]),
      stationComplete: (id) => emit('stationComplete', [id]),
      printed: (result) => emit('printed', [result]),
      changed: (scene) => emit('changed', [stationStateOf(scene)]),
    }
    const build = woodblockSceneFactory({
      block: request.block,
      overlayBands: request.overlayBands,
      fonts,
      listener,
    })
    return async (context) => {
      // The sheet writes the mark as it is built: its fallback face is in the set by then.
      await loadShopMarkFace(fonts)
      return build(context)
    }
  },
  stateOf: (scene): WoodblockSceneState => ({
    textureBytes: scene.textureBytes,
    blockRect: scene.blockScreenRect(),
    sampleRect: scene.sampleScreenRect(),
    hintTargetRect: scene.hintTargetRect(),
    toolsRect: scene.toolsScreenRect(),
    shopMarkBlockRect: scene.shopMarkBlockScreenRect(),
    shopMarkArea: scene.shopMarkArea,
    clearedFraction: scene.clearedFraction,
  }),
  calls: {
    moveOn: (scene) => ({ value: scene.moveOn() }),
    setCarvingTool: (scene, [tool]) => ({ value: scene.setCarvingTool(tool as CarvingTool) }),
    scribeWrite: (scene) => ({ value: scene.scribeWrite() }),
  },
}
