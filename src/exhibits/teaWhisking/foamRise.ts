import type { FoamState } from './foamModel'

/**
 * How high the foam stands in the bowl, as a share of the bowl's capacity, so the scene can turn
 * it into a height with the bowl's own shape (renderer bowlProfile.ts).
 *
 * A whisked Song bowl holds little water (茶录: stop at about four-tenths, "汤上盏可四分则止"),
 * yet the finished foam stands just below the rim and clings to it all round (咬盏): the whisk
 * beats that water into a foam of about twice its volume. A thin or half-risen foam stands lower;
 * when the water line comes (水痕) the foam falls from the glaze and leaves a wet band above it.
 * Sources: docs/visitor-journey.md (the tea table).
 */

/** The foam's top never passes this share of the bowl: "just below the rim", with the lip clear. */
export const foamTopMaxFill = 0.88
/** A full, well-risen foam (foamHeight 1) adds this share of the bowl above the liquid. */
export const fullFoamFill = 0.62
/** Once the water line has fully come, the foam has fallen by this share of its risen volume. */
export const waterLineFallShare = 0.3

const clamp01 = (x: number) => Math.min(1, Math.max(0, x))

/** Where the liquid and the foam on it stand, as shares of the bowl's capacity. */
export interface FoamRise {
  /** The liquid's own level (what pours measure against). */
  readonly liquidFill: number
  /** The top of the foam (the liquid's level where there is no foam). */
  readonly topFill: number
}

/**
 * The foam's top for `state` (the foam model's) when the water line has come `waterLine`
 * (0 not yet … 1 fully): the liquid's level plus the foam's risen volume, which grows with the
 * model's foam height, how much of the surface it covers (sparse islands raise no body) and
 * how fine it is (a coarse froth slumps); it falls back as the water line comes and is held
 * just below the rim.
 */
export function foamRiseFor(
  state: Pick<FoamState, 'waterFraction' | 'foamHeight' | 'coverage' | 'fineness'>,
  waterLine: number,
): FoamRise {
  const liquidFill = clamp01(state.waterFraction)
  // A coarse froth is mostly air between big bubbles and slumps; a fine foam holds its height.
  const body =
    Math.min(1.2, Math.max(0, state.foamHeight)) *
    (0.35 + 0.65 * clamp01(state.coverage)) *
    (0.25 + 0.75 * clamp01(state.fineness))
  const risen = body * fullFoamFill * (1 - waterLineFallShare * clamp01(waterLine))
  const topFill = Math.max(liquidFill, Math.min(foamTopMaxFill, liquidFill + risen))
  return { liquidFill, topFill }
}
