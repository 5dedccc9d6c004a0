/**
 * The workshop's procedural paintings (pure functions of their size and seed: the pear wood, the
 * paper, the bench, the block's sides) kept for the life of the page, so a second visit skips
 * painting them, tens of milliseconds of the open on a busy two-core kiosk. CPU memory only, a
 * few megabytes: the GPU textures made from them are still made and freed per visit, so leaving
 * returns `renderer.info.memory` to the menu's baseline.
 *
 * What it gives is shared between visits: callers read it and never write into it.
 */
const paintings = new Map<string, Float32Array | Uint8Array>()

/** The painting named `key` (name, size and seed), painted by `paint` on first use. */
export function cachedPainting<T extends Float32Array | Uint8Array>(
  key: string,
  paint: () => T,
): T {
  const cached = paintings.get(key)
  if (cached) return cached as T
  const painted = paint()
  paintings.set(key, painted)
  return painted
}
