/** What a pointer tells us about one movement of the palm brush. */
export interface RubSample {
  /** `PointerEvent.pressure`: 0–1; hardware without pressure reports 0.5 while touching (or 0). */
  readonly pointerPressure: number
  /** Speed of the movement in CSS pixels per millisecond. */
  readonly speedPxPerMs: number
}

/** Pressure levels 0.5 and 0 are what browsers report when the hardware measures none. */
function isMeasuredPressure(pressure: number): boolean {
  return pressure > 0 && pressure !== 0.5 && pressure <= 1
}

/**
 * The pressure (0.2–1) of a rub. Where the screen measures pressure it is used; otherwise a slow,
 * deliberate stroke counts as pressing harder than a quick swipe, as it does with a real 棕刷.
 */
export function estimateRubPressure({ pointerPressure, speedPxPerMs }: RubSample): number {
  if (isMeasuredPressure(pointerPressure)) return Math.max(0.2, pointerPressure)
  const speed = Math.max(0, speedPxPerMs)
  // 0.2 px/ms (a careful rub) → 0.83; 3 px/ms (a flick) → 0.25.
  return Math.max(0.2, Math.min(1, 1 / (1 + speed)))
}
