/**
 * The physical models of the stage's instruments (Karplus–Strong plucked strings, breathy bamboo
 * flutes, wooden clappers): the demo recordings are synthesised with them (scripts/demoAudio) and
 * the play-along pads sound with them in the browser, so a pad is the instrument's own voice.
 */
import { Biquad, OnePoleLowPass } from './voiceFilters'

/** One sounding note, in seconds from the start (scripts/demoAudio/notation.ts reads them from a score). */
export interface NoteEvent {
  startSeconds: number
  /** How long the note is held, before its voice's own release or decay. */
  heldSeconds: number
  /** Frequency in Hz, or null for an unpitched hit (the clapper). */
  frequencyHz: number | null
  /** 0–1 loudness before the part's gain. */
  velocity: number
  hasVibrato: boolean
  hasTremolo: boolean
}

/** What every voice renders with: the sample rate and the score's seeded noise source. */
export interface VoiceContext {
  sampleRate: number
  random: () => number
}

/** Renders one note as mono samples starting at the note's onset (tail included). */
export type Voice = (note: NoteEvent, context: VoiceContext) => Float32Array

/** How a plucked string sounds; see `pluckedString`. */
export interface PluckedStringTone {
  /** Time for a 220 Hz string to fall by 60 dB; higher strings die faster (∝ 1/√f). */
  ringSecondsAt220Hz: number
  /** 0 bright … 0.5 dark: the two-point smoothing inside the string loop. */
  loopSmoothing: number
  /** Where the string is plucked, as a fraction of its length (sets which overtones are missing). */
  pickPosition: number
  /** Cut-off of the pluck's noise burst, as a multiple of the note's frequency. */
  pluckBrightness: number
  /** The string is stopped this many held-lengths after the note's onset (Infinity: rings on). */
  dampAfterHeld: number
  /** Decay time (−60 dB) once stopped. */
  dampedRingSeconds: number
  /** Vibrato for "~" notes: the string pressed and swayed (吟猱 on the qin, 揉弦 on the zheng). */
  vibratoCents: number
  vibratoHz: number
  /** A final low-pass on the string's output. */
  toneCutoffHz: number
}

/**
 * Karplus–Strong plucked string: a noise burst circulating in a delay line one period long, with a
 * smoothing filter and loss in the loop, and an all-pass for the fraction of a sample the integer
 * delay cannot give (without it, high notes would be audibly out of tune).
 */
export function renderPluckedString(
  frequencyHz: number,
  heldSeconds: number,
  velocity: number,
  tone: PluckedStringTone,
  context: VoiceContext,
): Float32Array {
  const { sampleRate, random } = context
  const period = sampleRate / frequencyHz
  const smoothing = tone.loopSmoothing
  const delaySamples = Math.max(2, Math.floor(period - smoothing - 0.1))
  const fraction = period - smoothing - delaySamples
  const allPass = (1 - fraction) / (1 + fraction)
  const ringSeconds = tone.ringSecondsAt220Hz * Math.sqrt(220 / frequencyHz)
  const ringingGain = 10 ** (-3 / (ringSeconds * frequencyHz))
  const dampedGain = 10 ** (-3 / (tone.dampedRingSeconds * frequencyHz))
  const dampAtSeconds = heldSeconds * tone.dampAfterHeld
  const lastingSeconds = Math.min(dampAtSeconds + tone.dampedRingSeconds, heldSeconds + ringSeconds)
  const length = Math.ceil((lastingSeconds + 0.05) * sampleRate)
  const dampAtSample = Number.isFinite(dampAtSeconds)
    ? Math.floor(dampAtSeconds * sampleRate)
    : length

  // The pluck: one period of low-passed noise with its mean removed (no DC circulating), minus a
  // delayed copy of itself for the pick position.
  const burstLength = Math.ceil(period)
  const burst = new Float32Array(burstLength)
  const burstFilter = new OnePoleLowPass(
    sampleRate,
    Math.min(frequencyHz * tone.pluckBrightness, 16000),
  )
  let mean = 0
  for (let i = 0; i < burstLength; i++) {
    burst[i] = burstFilter.process(random() * 2 - 1)
    mean += burst[i]! / burstLength
  }
  const pickOffset = Math.max(1, Math.round(tone.pickPosition * period))
  const excitation = new Float32Array(burstLength + pickOffset)
  for (let i = 0; i < excitation.length; i++) {
    const direct = i < burstLength ? burst[i]! - mean : 0
    const delayed =
      i >= pickOffset && i - pickOffset < burstLength ? burst[i - pickOffset]! - mean : 0
    excitation[i] = (direct - delayed) * velocity
  }

  const line = new Float32Array(delaySamples)
  const output = new Float32Array(length)
  const outputFilter = new OnePoleLowPass(sampleRate, tone.toneCutoffHz)
  let index = 0
  let previous = 0
  let allPassIn = 0
  let allPassOut = 0
  for (let n = 0; n < length; n++) {
    const delayed = line[index]!
    const smoothed = (1 - smoothing) * delayed + smoothing * previous
    previous = delayed
    const tuned = allPass * smoothed + allPassIn - allPass * allPassOut
    allPassIn = smoothed
    allPassOut = tuned
    const gain = n < dampAtSample ? ringingGain : dampedGain
    const sample = (n < excitation.length ? excitation[n]! : 0) + gain * tuned
    line[index] = sample
    index = index + 1 === delaySamples ? 0 : index + 1
    output[n] = outputFilter.process(sample)
  }
  fadeOutEnd(output, sampleRate, 0.03)
  return output
}

/**
 * Bends a rendered note's pitch over time by reading it at a varying rate (linear interpolation).
 * @param centsAt the pitch offset in cents at a time in seconds from the onset.
 */
export function bendPitch(
  samples: Float32Array,
  sampleRate: number,
  centsAt: (seconds: number) => number,
): Float32Array {
  const output = new Float32Array(samples.length)
  let position = 0
  for (let n = 0; n < output.length; n++) {
    const whole = Math.floor(position)
    if (whole + 1 >= samples.length) break
    const part = position - whole
    output[n] = samples[whole]! * (1 - part) + samples[whole + 1]! * part
    position += 2 ** (centsAt(n / sampleRate) / 1200)
  }
  return output
}

/** A vibrato that starts after the attack, as a player presses into a long note. */
function delayedVibrato(depthCents: number, rateHz: number): (seconds: number) => number {
  return (seconds) => {
    const onset = Math.min(1, Math.max(0, (seconds - 0.25) / 0.4))
    return onset * depthCents * Math.sin(2 * Math.PI * rateHz * seconds)
  }
}

/** Makes a plucked-string voice; "*" notes are played as a tremolo (轮指) of quick plucks. */
export function pluckedString(tone: PluckedStringTone): Voice {
  return (note, context) => {
    if (note.frequencyHz === null) return new Float32Array(0)
    const frequencyHz = note.frequencyHz
    if (note.hasTremolo) return tremolo(frequencyHz, note, tone, context)
    const plucked = renderPluckedString(frequencyHz, note.heldSeconds, note.velocity, tone, context)
    if (!note.hasVibrato) return plucked
    return bendPitch(plucked, context.sampleRate, delayedVibrato(tone.vibratoCents, tone.vibratoHz))
  }
}

function tremolo(
  frequencyHz: number,
  note: NoteEvent,
  tone: PluckedStringTone,
  context: VoiceContext,
): Float32Array {
  const strokeSeconds = 1 / 13
  const strokes = Math.max(1, Math.round(note.heldSeconds / strokeSeconds))
  // Quick strokes are lighter than a full pluck: softer, duller bursts, or the tremolo turns to hiss.
  const stroke = {
    ...tone,
    pluckBrightness: tone.pluckBrightness * 0.45,
    toneCutoffHz: Math.min(tone.toneCutoffHz, 4500),
    dampAfterHeld: 1.6,
    dampedRingSeconds: 0.25,
  }
  const lastStroke = renderPluckedString(frequencyHz, 0.6, note.velocity, stroke, context)
  const length = Math.ceil((strokes - 1) * strokeSeconds * context.sampleRate) + lastStroke.length
  const output = new Float32Array(length)
  for (let k = 0; k < strokes; k++) {
    const isLast = k === strokes - 1
    // The four fingers of a 轮指 do not strike equally: a gentle, uneven swell.
    const velocity = note.velocity * (0.62 + 0.18 * Math.sin(k * 1.7) + 0.1 * context.random())
    const samples = isLast
      ? lastStroke
      : renderPluckedString(frequencyHz, strokeSeconds, velocity, stroke, context)
    mixInto(output, samples, Math.round(k * strokeSeconds * context.sampleRate), 1)
  }
  return output
}

/** How a bamboo flute sounds; see `bambooFlute`. */
export interface FluteTone {
  /** Amplitudes of harmonics 1, 2, 3 …; fewer and weaker for the darker xiao. */
  harmonics: number[]
  /** Breath noise around the note, relative to the tone. */
  breathLevel: number
  attackSeconds: number
  releaseSeconds: number
  /** The gentle vibrato every long note gets, and the deeper one of "~" notes. */
  vibratoCents: number
  expressiveVibratoCents: number
}

/**
 * A breathy flute: a few harmonics with a delayed vibrato, band-passed breath noise that follows the
 * pitch, and a short noisy "chiff" as the air starts; no membrane buzz (see the bamboo-flutes card).
 */
export function bambooFlute(tone: FluteTone): Voice {
  return (note, context) => {
    if (note.frequencyHz === null) return new Float32Array(0)
    const { sampleRate, random } = context
    const frequencyHz = note.frequencyHz
    const length = Math.ceil((note.heldSeconds + tone.releaseSeconds + 0.05) * sampleRate)
    const output = new Float32Array(length)
    const breathBand = Biquad.bandPass(sampleRate, frequencyHz, 6)
    const breathHiss = Biquad.highPass(sampleRate, 2500)
    const chiffBand = Biquad.bandPass(sampleRate, Math.min(frequencyHz * 3, 12000), 3)
    const vibrato = delayedVibrato(
      note.hasVibrato ? tone.expressiveVibratoCents : tone.vibratoCents,
      note.hasVibrato ? 5.2 : 4.6,
    )
    const releaseStart = note.heldSeconds
    let phase = 0
    for (let n = 0; n < length; n++) {
      const t = n / sampleRate
      phase += (2 * Math.PI * frequencyHz * 2 ** (vibrato(t) / 1200)) / sampleRate
      let sample = 0
      tone.harmonics.forEach((amplitude, k) => {
        sample += amplitude * Math.sin((k + 1) * phase)
      })
      const noise = random() * 2 - 1
      sample +=
        tone.breathLevel * (4 * breathBand.process(noise) + 0.35 * breathHiss.process(noise))
      const attack =
        t < tone.attackSeconds ? 0.5 - 0.5 * Math.cos((Math.PI * t) / tone.attackSeconds) : 1
      const release =
        t > releaseStart ? Math.exp((-(t - releaseStart) * 6.9) / tone.releaseSeconds) : 1
      const chiff = t < 0.06 ? 6 * chiffBand.process(noise) * (1 - t / 0.06) : 0
      // A held flute note leans a little softer as the breath runs on.
      const sway = 1 - 0.12 * Math.min(1, t / Math.max(0.5, note.heldSeconds))
      output[n] =
        (sample * attack * release * sway + chiff * tone.breathLevel) * note.velocity * 0.5
    }
    fadeOutEnd(output, sampleRate, 0.02)
    return output
  }
}

/**
 * Wooden clappers (拍板): a few slats meeting a few milliseconds apart, each a noise click ringing
 * through the wood's resonances and dying within tens of milliseconds.
 */
export const woodenClappers: Voice = (note, context) => {
  const { sampleRate, random } = context
  const length = Math.ceil(0.3 * sampleRate)
  const output = new Float32Array(length)
  const slatOffsetsSeconds = [0, 0.0035 + 0.002 * random(), 0.008 + 0.003 * random()]
  const resonancesHz = [780, 1530, 2650, 3900]
  slatOffsetsSeconds.forEach((offsetSeconds, slat) => {
    const bands = resonancesHz.map((hz) =>
      Biquad.bandPass(sampleRate, hz * (0.96 + 0.08 * random()), 9),
    )
    const thump = Biquad.bandPass(sampleRate, 240, 2)
    const start = Math.round(offsetSeconds * sampleRate)
    const level = note.velocity * (slat === 0 ? 1 : 0.55)
    for (let n = 0; start + n < length; n++) {
      const t = n / sampleRate
      const click = t < 0.0015 ? random() * 2 - 1 : 0
      let ring = 0
      bands.forEach((band, k) => {
        ring += band.process(click) / (k + 1)
      })
      const envelope = Math.exp(-t / 0.022)
      output[start + n]! +=
        level * (6 * ring * envelope + 2.5 * thump.process(click) * Math.exp(-t / 0.012))
    }
  })
  return output
}

/**
 * A soft sustained drone for playing along: a few harmonics, two copies a few cents apart, a slow
 * swell in and out, low-passed so it sits under the pads.
 */
export const softDrone: Voice = (note, context) => {
  if (note.frequencyHz === null) return new Float32Array(0)
  const { sampleRate } = context
  const frequencyHz = note.frequencyHz
  const attackSeconds = Math.min(2.5, note.heldSeconds / 3)
  const releaseSeconds = 2.5
  const length = Math.ceil((note.heldSeconds + releaseSeconds) * sampleRate)
  const output = new Float32Array(length)
  const lowPass = Biquad.lowPass(sampleRate, 1100)
  const detunes = [2 ** (-4 / 1200), 2 ** (4 / 1200)]
  const phases = [0, 0]
  for (let n = 0; n < length; n++) {
    const t = n / sampleRate
    let sample = 0
    detunes.forEach((detune, copy) => {
      phases[copy]! += (2 * Math.PI * frequencyHz * detune) / sampleRate
      for (let k = 1; k <= 5; k++) sample += Math.sin(k * phases[copy]!) / k ** 1.6
    })
    const attack = t < attackSeconds ? t / attackSeconds : 1
    const release =
      t > note.heldSeconds ? Math.max(0, 1 - (t - note.heldSeconds) / releaseSeconds) : 1
    const swell = 1 + 0.15 * Math.sin(2 * Math.PI * 0.09 * t)
    output[n] = lowPass.process(sample) * attack * release * swell * note.velocity * 0.25
  }
  return output
}

/**
 * Harmonics (泛音) on the qin: a light touch at a node leaves a clear, bell-like partial that rings
 * a long time.
 */
export const qinHarmonic: Voice = (note, context) => {
  if (note.frequencyHz === null) return new Float32Array(0)
  const { sampleRate } = context
  const frequencyHz = note.frequencyHz
  const ringSeconds = 3.5
  const length = Math.ceil(ringSeconds * sampleRate)
  const output = new Float32Array(length)
  for (let n = 0; n < length; n++) {
    const t = n / sampleRate
    const phase = 2 * Math.PI * frequencyHz * t
    const body = Math.sin(phase) + 0.12 * Math.sin(2 * phase) * Math.exp(-t * 3)
    const attack = Math.min(1, t / 0.004)
    output[n] = body * attack * Math.exp((-t * 6.9) / ringSeconds) * note.velocity * 0.35
  }
  fadeOutEnd(output, sampleRate, 0.05)
  return output
}

/** Adds `source` into `target` from `offset`, scaled by `gain`, clipping at the target's end. */
export function mixInto(
  target: Float32Array,
  source: Float32Array,
  offset: number,
  gain: number,
): void {
  const end = Math.min(source.length, target.length - offset)
  for (let i = Math.max(0, -offset); i < end; i++) target[offset + i]! += source[i]! * gain
}

function fadeOutEnd(samples: Float32Array, sampleRate: number, seconds: number): void {
  const fadeLength = Math.min(samples.length, Math.round(seconds * sampleRate))
  for (let i = 0; i < fadeLength; i++) {
    samples[samples.length - 1 - i]! *= i / fadeLength
  }
}

/** The voices a score's parts may name. */
export const voices: Record<string, Voice> = {
  guqin: pluckedString({
    ringSecondsAt220Hz: 10,
    loopSmoothing: 0.5,
    pickPosition: 0.13,
    pluckBrightness: 5,
    dampAfterHeld: Infinity,
    dampedRingSeconds: 7,
    vibratoCents: 28,
    vibratoHz: 4.2,
    toneCutoffHz: 2600,
  }),
  'guqin-harmonic': qinHarmonic,
  pipa: pluckedString({
    ringSecondsAt220Hz: 1.8,
    loopSmoothing: 0.22,
    pickPosition: 0.09,
    pluckBrightness: 14,
    dampAfterHeld: 1.4,
    dampedRingSeconds: 0.35,
    vibratoCents: 22,
    vibratoHz: 5.5,
    toneCutoffHz: 7000,
  }),
  guzheng: pluckedString({
    ringSecondsAt220Hz: 8,
    loopSmoothing: 0.3,
    pickPosition: 0.17,
    pluckBrightness: 10,
    dampAfterHeld: 3,
    dampedRingSeconds: 0.9,
    vibratoCents: 35,
    vibratoHz: 5.2,
    toneCutoffHz: 6000,
  }),
  dizi: bambooFlute({
    harmonics: [1, 0.32, 0.16, 0.07, 0.03],
    breathLevel: 0.07,
    attackSeconds: 0.05,
    releaseSeconds: 0.12,
    vibratoCents: 8,
    expressiveVibratoCents: 20,
  }),
  xiao: bambooFlute({
    harmonics: [1, 0.12, 0.05],
    breathLevel: 0.16,
    attackSeconds: 0.12,
    releaseSeconds: 0.25,
    vibratoCents: 6,
    expressiveVibratoCents: 16,
  }),
  paiban: woodenClappers,
  drone: softDrone,
}
