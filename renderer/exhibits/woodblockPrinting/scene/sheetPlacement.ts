import type { Object3D } from 'three'
import { reliefDepth, type WorkshopParts } from './workshopParts'

/** Height above the block face of the sample the visitor writes on and rubs off at 上版. */
export const sampleSurfaceY = reliefDepth + 0.004
/** Height above the block face of the printing paper the visitor rubs at 刷印 and peels at 揭纸. */
export const paperSurfaceY = reliefDepth + 0.008
/** A peel starts only from the sheet's free half (its edge and corners), as a hand lifts paper. */
export const peelGripShareOfSheet = 0.5

/** The sizes of the bench's sheets and block that place them, in scene units. */
export type SheetSizes = Pick<
  WorkshopParts,
  'faceWidth' | 'faceHeight' | 'marginUnits' | 'paperWidth' | 'sampleWidth'
>

/** Where across the bench the sample's writing area begins (it lies flat right of the block). */
export function sampleLeftX(sizes: SheetSizes): number {
  return sizes.faceWidth / 2 + 2 * sizes.marginUnits
}

/** Where across the bench the printing paper's free edge lies once it is on the block. */
export function paperFreeEdgeX(sizes: SheetSizes): number {
  return sizes.faceWidth / 2 + sizes.marginUnits
}

/**
 * Moves `object` to the point (`x`, `y`) of the sample's writing space (units of the block face's
 * height from the writing area's top left), lying on the sheet.
 */
export function placeOnSample(object: Object3D, sizes: SheetSizes, x: number, y: number): void {
  object.position.set(
    sampleLeftX(sizes) + x * sizes.faceHeight,
    reliefDepth + 0.006,
    -sizes.faceHeight / 2 + y * sizes.faceHeight,
  )
}
