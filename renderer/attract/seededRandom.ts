/**
 * A small seeded generator (mulberry32): the attract painting is procedural but the same every
 * time, so the composition a curator approved is the one visitors see.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Smooth 1D value noise over [0, 1) built from `random`, `knots` control points, wrapped. */
export function valueNoise1d(random: () => number, knots: number): (x: number) => number {
  const values = Array.from({ length: knots }, () => random())
  return (x: number) => {
    const position = (((x % 1) + 1) % 1) * knots
    const index = Math.floor(position)
    const fraction = position - index
    const eased = fraction * fraction * (3 - 2 * fraction)
    const a = values[index % knots]!
    const b = values[(index + 1) % knots]!
    return a + (b - a) * eased
  }
}
