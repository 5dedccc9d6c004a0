import type { CellRect } from '../../../../src/exhibits/woodblockPrinting/bitmap'

/**
 * The cells of a `width × height` grid repainted since their texels were last uploaded. Strokes
 * mark the rectangles they changed (several per frame: every pointer event, coalesced samples,
 * the master's rows); at upload, `take` gives rectangles that cover exactly the union of what
 * was marked, each cell once, as few as the shape allows: each row's marked runs are merged, and
 * rows whose runs match are stacked into one rectangle. So a stroke sends one `texSubImage2D` a
 * rectangle, never the whole texture and never a cell twice.
 *
 * Pure (no three, no DOM): the rule is unit-tested on its own.
 */
export class DirtyCellRegion {
  #marked: CellRect[] = []

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  /** Nothing is waiting for upload. */
  get isEmpty(): boolean {
    return this.#marked.length === 0
  }

  /** Marks the cells `x0 ≤ x < x1`, `y0 ≤ y < y1` (clipped to the grid; an empty rect marks none). */
  mark(rect: CellRect): void {
    const x0 = Math.max(0, Math.floor(rect.x0))
    const y0 = Math.max(0, Math.floor(rect.y0))
    const x1 = Math.min(this.width, Math.ceil(rect.x1))
    const y1 = Math.min(this.height, Math.ceil(rect.y1))
    if (x0 >= x1 || y0 >= y1) return
    this.#marked.push({ x0, y0, x1, y1 })
  }

  /** Marks the whole grid (a repaint of everything: the next upload is one rectangle). */
  markAll(): void {
    this.#marked = [{ x0: 0, y0: 0, x1: this.width, y1: this.height }]
  }

  /**
   * The rectangles to upload, covering exactly the union of the cells marked since the last
   * call, each cell once, in row order; the region is empty after.
   */
  take(): CellRect[] {
    const marked = this.#marked
    this.#marked = []
    if (marked.length === 0) return []
    if (marked.length === 1) return [marked[0]!]
    let top = Number.POSITIVE_INFINITY
    let bottom = 0
    for (const rect of marked) {
      top = Math.min(top, rect.y0)
      bottom = Math.max(bottom, rect.y1)
    }
    const done: CellRect[] = []
    /** Rectangles still growing downwards, one per run of the previous row. */
    let open: { x0: number; x1: number; y0: number }[] = []
    for (let y = top; y <= bottom; y++) {
      const runs = y < bottom ? rowRuns(marked, y) : []
      const next: { x0: number; x1: number; y0: number }[] = []
      for (const run of runs) {
        const same = open.find((rect) => rect.x0 === run.x0 && rect.x1 === run.x1)
        next.push(same ?? { x0: run.x0, x1: run.x1, y0: y })
      }
      for (const rect of open)
        if (!next.includes(rect)) done.push({ x0: rect.x0, y0: rect.y0, x1: rect.x1, y1: y })
      open = next
    }
    return done.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
  }
}

/** The marked runs of row `y`: the rectangles crossing it, merged where they overlap or touch. */
function rowRuns(marked: readonly CellRect[], y: number): { x0: number; x1: number }[] {
  const spans = marked
    .filter((rect) => rect.y0 <= y && y < rect.y1)
    .map((rect) => ({ x0: rect.x0, x1: rect.x1 }))
    .sort((a, b) => a.x0 - b.x0)
  const runs: { x0: number; x1: number }[] = []
  for (const span of spans) {
    const last = runs.at(-1)
    if (last && span.x0 <= last.x1) last.x1 = Math.max(last.x1, span.x1)
    else runs.push({ ...span })
  }
  return runs
}
