import { defineStore } from 'pinia'
import type { KeepsakePrintOutcome } from '../../src/contract/areas/keepsake'
import { kioskApi } from '../bridge/kioskBridge'

/** What the take-home button needs to send one card. */
export interface TakeHomeRequest {
  readonly exhibitId: string
  /** The visit's serial (the visit store's): with this page's boot id, the per-visit key. */
  readonly visitSerial: number
  readonly language: string
  /** The visitor's result at print resolution (keepsakePictureSize). */
  readonly picture: HTMLCanvasElement
}

/** JPEG keeps an A5 picture well under the request limit; 0.92 shows no artefacts on paper. */
const pictureJpegQuality = 0.92

/**
 * Sends keepsake cards to the services (`keepsake:print`, docs/operators.md "Keepsake printer").
 * The visitor only ever hears "printed" or "ask at the desk": a services failure is the desk too,
 * and the reason is in diagnostics for staff.
 */
export const useKeepsakeStore = defineStore('keepsake', () => {
  /** Distinguishes this page's visits from those of a page before a reload (serials restart). */
  const pageId = Math.random().toString(36).slice(2, 10)

  async function takeHome(request: TakeHomeRequest): Promise<KeepsakePrintOutcome['outcome']> {
    try {
      const { picture } = request
      const result = await kioskApi().invoke('keepsake:print', {
        visitId: `${pageId}-${request.visitSerial}`,
        exhibitId: request.exhibitId,
        language: request.language,
        picture: picture.toDataURL('image/jpeg', pictureJpegQuality),
        pictureAspect: picture.width / picture.height,
      })
      return result.outcome
    } catch (error) {
      console.warn(`keepsake: the card could not be sent: ${(error as Error).message}`)
      return 'ask-at-desk'
    }
  }

  return { takeHome }
})
