import type { CarvingTool } from '../../../../src/exhibits/woodblockPrinting/carvingField'
import type { PrintingPhase } from '../../../../src/exhibits/woodblockPrinting/printingSession'
import { brushRestHeight } from './benchTools'
import { blockBodyDepth, type WorkshopParts } from './workshopParts'

/** How far in front of the block's body the tools' tips rest, in scene units. */
export const toolRestOffset = 0.03
/** How deep the row of tools in front of the block is, in scene units (the camera keeps it in view). */
export const toolRowDepth = 0.27

/** What of the visit decides where the tools lie. */
export interface ToolsInUse {
  readonly phase: PrintingPhase
  readonly carvingTool: CarvingTool
  /** At 上版: the sample lies face down on the block, to be rubbed with the pad. */
  readonly isSampleDown: boolean
}

/**
 * Lays the tools out on the bench in front of the block, tips towards it, each in its own place
 * (so none is cut off by the frame of a station's view); the one the station uses lies front and
 * centre. While the visitor writes, the brush, the ink stone and the water dish stand in front
 * of the sample instead.
 */
export function layOutTools(parts: WorkshopParts, use: ToolsInUse): void {
  const { tools, faceWidth, faceHeight, marginUnits, sampleWidth, bodyOverhangUnits } = parts
  const tipZ = faceHeight / 2 + bodyOverhangUnits + toolRestOffset
  const y = -blockBodyDepth
  const { phase } = use
  const inUse =
    phase === 'write-sample'
      ? tools.writingBrush
      : phase === 'carve'
        ? use.carvingTool === 'knife'
          ? tools.knife
          : tools.chisel
        : phase === 'ink'
          ? tools.inkBrush
          : phase === 'rub' || (phase === 'transfer' && use.isSampleDown)
            ? tools.rubbingPad
            : undefined
  const half = faceWidth / 2 + marginUnits
  const isWriting = phase === 'write-sample'
  // While writing, the carving tools wait further left, wholly out of the sample's frame.
  const carvingX = isWriting ? -1.3 * half : 0
  // The hand-sized pad lies furthest left, clear of the palm brush beside it.
  tools.rubbingPad.position.set(carvingX - 1.02 * half, y, tipZ + 0.13)
  tools.inkBrush.position.set(carvingX - 0.6 * half, y, tipZ + 0.08)
  tools.knife.position.set(carvingX - 0.37 * half, y, tipZ)
  tools.chisel.position.set(carvingX - 0.26 * half, y, tipZ)
  const writingX = isWriting ? half + sampleWidth * 0.5 : 0.2 * half
  const stoneX = isWriting ? half + sampleWidth * 0.24 : 0.52 * half
  const dishX = isWriting ? half + sampleWidth * 0.74 : 0.84 * half
  tools.brushRest.position.set(writingX, y, tipZ + 0.075)
  tools.writingBrush.position.set(writingX, y + brushRestHeight - 0.003, tipZ)
  tools.inkStone.position.set(stoneX, y, tipZ + 0.12)
  tools.waterDish.position.set(dishX, y, tipZ + 0.08)
  // The tool the station needs lies front and centre, where the hand reaches for it.
  if (inUse && phase !== 'write-sample') inUse.position.set(0, y, inUse.position.z + 0.02)
}
