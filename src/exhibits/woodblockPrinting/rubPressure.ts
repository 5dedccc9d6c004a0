/** What a pointer tells us about one movement of the rubbing pad (耙子). */
export interface RubSample {
  /** `PointerEvent.pressure`: 0–1; hardware without pressure reports 0.5 while touching (or 0). */
  readonly pointerPressure: number
}

/** The pressure of a rub on a screen that measures none: a firm, ordinary pass of the 耙子. */
export const unmeasuredRubPressure = 0.8

/** Pressure levels 0.5 and 0 are what browsers report when the hardware measures none. */
function isMeasuredPressure(pressure: number): boolean {
  return pressure > 0 && pressure !== 0.5 && pressure <= 1
}

/**
 * The pressure (0.2–1) of a rub. Where the screen measures pressure it is used; otherwise every
 * pass counts as a firm one. The speed of the finger is deliberately not read as pressure: it
 * depends on how often a busy machine delivers pointer events, and the print must follow where
 * the visitor rubbed and how often, the same each time the same path is rubbed.
 */
export function estimateRubPressure({ pointerPressure }: RubSample): number {
  if (isMeasuredPressure(pointerPressure)) return Math.max(0.2, pointerPressure)
  return unmeasuredRubPressure
}
