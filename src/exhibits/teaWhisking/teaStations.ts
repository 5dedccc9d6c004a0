/**
 * The tea exhibit's station ids, in the order a visitor meets them. The content pack names its
 * stations with exactly these ids (熁盏, 置茶, 调膏, the seven pours 七汤, 茶百戏).
 */
export const teaStationIds = [
  'warm-bowl',
  'add-powder',
  'make-paste',
  'pour-1',
  'pour-2',
  'pour-3',
  'pour-4',
  'pour-5',
  'pour-6',
  'pour-7',
  'draw',
] as const

export type TeaStationId = (typeof teaStationIds)[number]

/** The number of pours Huizong prescribes (大观茶论·点). */
export const pourCount = 7

/** The station of pour `pourNumber` (1–7). */
export function pourStationId(pourNumber: number): TeaStationId {
  if (!Number.isInteger(pourNumber) || pourNumber < 1 || pourNumber > pourCount) {
    throw new RangeError(`pour number must be 1–${pourCount}, got ${pourNumber}`)
  }
  return `pour-${pourNumber}` as TeaStationId
}
