import * as z from 'zod'
import { instrumentKinds, localIdSchema } from '../../src/pack/manifestSchema'
import { voices } from '../../src/audio/instrumentVoices'

const localizedText = z.object({ 'zh-CN': z.string().min(1), en: z.string().min(1) })

/**
 * A demo score in assets/music/*.json: the note data a recording is synthesised from, and what the
 * pack says about the recording (title, captions per section, which instruments list it).
 */
export const musicScoreSchema = z
  .object({
    /** The recording's file name (audio/<id>.opus) and, unless `usedBy` says otherwise, track id. */
    id: localIdSchema,
    title: localizedText,
    /** Frequency of jianpu "1" (宫) in the note text. */
    tonicHz: z.number().min(20).max(2000),
    bpm: z.number().min(20).max(300),
    /** Silence and reverb after the last note ends. */
    tailSeconds: z.number().min(0).max(10).default(3),
    reverb: z
      .object({
        roomSize: z.number().min(0).max(1),
        damping: z.number().min(0).max(1),
        wet: z.number().min(0).max(3),
      })
      .default({ roomSize: 0.8, damping: 0.35, wet: 1 }),
    /** A drone or slow track meant to be played along over with the pads. */
    isPlayAlongBed: z.boolean().default(false),
    /**
     * An ensemble piece (合奏): its parts are shipped as stems, one per instrument, listed in the
     * folk-music exhibit's `pieces` rather than as any instrument's track.
     */
    ensemble: z
      .object({
        pieceId: localIdSchema,
        /** The degree the piece rests on: the pads play in this mode. */
        mode: z.enum(['gong', 'shang', 'jue', 'zhi', 'yu']),
      })
      .optional(),
    /** Added to the credits when the piece reconstructs historical notation. */
    reconstructionNote: localizedText.optional(),
    parts: z
      .array(
        z.object({
          voice: z.string().refine((name) => name in voices, { message: 'is not a known voice' }),
          /** Ensemble pieces: the instrument whose stem this part belongs to. */
          instrument: z.enum(instrumentKinds).optional(),
          gain: z.number().min(0).max(4).default(1),
          /** −1 left … 1 right. */
          pan: z.number().min(-1).max(1).default(0),
          /** Whole octaves added to every note of the part. */
          octave: z.number().int().min(-3).max(3).default(0),
          /** Note text (see notation.ts); an array is read as one text, joined by spaces. */
          notes: z.union([z.string(), z.array(z.string())]),
        }),
      )
      .min(1),
    /** Caption text for each "@name" marker in the note text, describing what is heard. */
    sections: z.record(z.string(), localizedText),
    description: localizedText.optional(),
    /** The instruments that list this recording, each under its own track id. */
    usedBy: z
      .array(z.object({ instrument: z.enum(instrumentKinds), trackId: localIdSchema }))
      .default([]),
  })
  .strict()
  .refine((score) => score.ensemble !== undefined || score.usedBy.length > 0, {
    message: 'a score is either used by an instrument (usedBy) or an ensemble piece (ensemble)',
    path: ['usedBy'],
  })
  .refine((score) => !score.ensemble || score.parts.every((part) => part.instrument), {
    message: 'every part of an ensemble piece names its instrument (its stem)',
    path: ['parts'],
  })

export type MusicScore = z.infer<typeof musicScoreSchema>
