import type { FoamState } from './foamModel'

/** A colour as sRGB channels, each 0–1. */
export type SrgbColour = readonly [red: number, green: number, blue: number]

/**
 * The colours the scene paints the bowl's surface in, from the foam model: Song tea is powder from
 * steamed, pressed white cakes, so whisking brings up a milk-white foam (大观茶论·点: 五汤 "茶色尽矣").
 * A bowl not yet whisked out, or whisked badly, is a dull grey-yellow and coarse, never the green
 * of a modern matcha; the liquor under the foam is a cloudy buff that darkens to tea-brown where a
 * finger parts the foam (茶百戏). Sources: docs/visitor-journey.md (the tea table).
 */
export interface FoamColours {
  /** The foam at its present whiteness and fineness. */
  readonly foam: SrgbColour
  /** The tea liquor under and between the foam. */
  readonly liquor: SrgbColour
  /** The dark of the liquor where a finger has parted the foam, for the drawn lines. */
  readonly parting: SrgbColour
  /** The stirred paste (调膏) before any foam. */
  readonly paste: SrgbColour
}

/**
 * Milk white (乳雾, 鲜白): the finished foam of a good bowl, a fresh, warm white like milk's, not
 * the blue-white of paper or paint.
 */
const milkWhite: SrgbColour = [0.97, 0.95, 0.91]
/** An unfinished foam's dull yellow-white: the colour not yet brought up. */
const dullYellowWhite: SrgbColour = [0.8, 0.76, 0.62]
/** Coarse froth lets the light through to the liquor: greyer, a little darker. */
const coarseGrey: SrgbColour = [0.7, 0.68, 0.62]
const liquor: SrgbColour = [0.6, 0.53, 0.38]
const parting: SrgbColour = [0.3, 0.22, 0.12]
const paste: SrgbColour = [0.55, 0.5, 0.37]

function mix(a: SrgbColour, b: SrgbColour, t: number): SrgbColour {
  const k = Math.min(1, Math.max(0, t))
  return [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k]
}

/**
 * The surface's colours for `state`: the foam goes from dull yellow-white to milk white with
 * whiteness, and greys where it is coarse (a coarse foam's big bubbles show the liquor through).
 */
export function foamColours(state: Pick<FoamState, 'whiteness' | 'fineness'>): FoamColours {
  const brought = mix(dullYellowWhite, milkWhite, state.whiteness)
  const coarseness = (1 - state.fineness) * (1 - state.whiteness * 0.6)
  return {
    foam: mix(brought, coarseGrey, coarseness * 0.6),
    liquor,
    parting,
    paste,
  }
}
