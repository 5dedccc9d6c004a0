import type { SrgbColour } from './foamColour'

/**
 * The colour of Song tea powder (茶末), as the caddy and the bowl's well show it before water.
 * Song tea was steamed, pressed into cakes and ground just before whisking; 茶录 says tea ground
 * fresh stays white and dulls if left overnight, and the best cakes were prized for whiteness.
 * So the powder is a pale, matte white with a faint warmth and the least hint of green from the
 * leaf: not the blue-white of chalk or paper, and nowhere near the saturated green of a modern
 * matcha. Sources: docs/visitor-journey.md (the tea table).
 */
export const teaPowderSrgb: SrgbColour = [0.8, 0.81, 0.72]

/** The same colour as a 24-bit sRGB hex number, for a material's colour. */
export const teaPowderHex = teaPowderSrgb.reduce(
  (hex, channel) => (hex << 8) | Math.round(channel * 255),
  0,
)
