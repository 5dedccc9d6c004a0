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
