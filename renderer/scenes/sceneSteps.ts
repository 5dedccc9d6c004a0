/**
 * Puts a step of opening a scene (building it, compiling its programs, its first frame) on the
 * page's performance timeline as a `songyun:<step>` measure from `startMs` to now. The scene
 * benches read them to say where an open's time went (docs/performance.md); a measure costs
 * microseconds and holds nothing.
 */
export function recordSceneStep(step: string, startMs: number): void {
  performance.measure(`songyun:${step}`, { start: startMs, end: performance.now() })
}
