/**
 * What each of the seven pours asks for, paraphrasing 大观茶论·点. Volumes are fractions of the
 * bowl; together they reach about four-tenths (茶录: "汤上盏可四分则止"). Whisk intensity is 0–1
 * (1 = the heavy, brisk whisk of the first pours, lower = lighter, slower strokes later on).
 */
export interface PourPrescription {
  /** 1–7. */
  readonly pourNumber: number
  /** The water this pour wants, as a fraction of the bowl's capacity. */
  readonly volumeFraction: number
  /** Where the stream should land: round the bowl's edge (first pour) or over the tea surface. */
  readonly placement: 'rim-ring' | 'surface'
  /** How hard and fast the whisk should work after this pour. */
  readonly whiskIntensity: number
}

export const pourPrescriptions: readonly PourPrescription[] = [
  // 1: ring the edge, do not strike the tea; heavy whisk, light hand: the root of the tea is set.
  { pourNumber: 1, volumeFraction: 0.06, placement: 'rim-ring', whiskIntensity: 1 },
  // 2: onto the surface, quick in and quick stop; whisk hard, "pearls" pile up.
  { pourNumber: 2, volumeFraction: 0.06, placement: 'surface', whiskIntensity: 0.9 },
  // 3: more water; lighter, even whisking; colour 60–70 % there.
  { pourNumber: 3, volumeFraction: 0.08, placement: 'surface', whiskIntensity: 0.7 },
  // 4: sparing; wider, slower strokes; light clouds gradually form (轻云渐生).
  { pourNumber: 4, volumeFraction: 0.04, placement: 'surface', whiskIntensity: 0.5 },
  // 5: a little freer; light, even, thorough; the foam congeals like snow.
  { pourNumber: 5, volumeFraction: 0.06, placement: 'surface', whiskIntensity: 0.45 },
  // 6: watch the foam; stroke slowly only where it clumps.
  { pourNumber: 6, volumeFraction: 0.05, placement: 'surface', whiskIntensity: 0.3 },
  // 7: judge thin against thick and stop; the foam is set all round the rim, still (咬盏).
  { pourNumber: 7, volumeFraction: 0.05, placement: 'surface', whiskIntensity: 0.3 },
]

/**
 * Water past this multiple of what a pour wants is a heavy hand: it breaks up the foam that is
 * there ("adding more water only dissipates it") and the judge counts the pour as heavy.
 */
export const heavyPourRatio = 1.5

/** The prescription of pour `pourNumber` (1–7). */
export function prescriptionOf(pourNumber: number): PourPrescription {
  const prescription = pourPrescriptions[pourNumber - 1]
  if (!prescription) throw new RangeError(`there is no pour ${pourNumber}; the pours are 1–7`)
  return prescription
}

/** The bowl fill at which Cai Xiang stops pouring. */
export const idealFillFraction = pourPrescriptions.reduce((sum, p) => sum + p.volumeFraction, 0)
