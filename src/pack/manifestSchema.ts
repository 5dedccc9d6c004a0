import * as z from 'zod'
import { keepsakeDateStyles } from '../keepsake/keepsakeDate'
import { requiredLanguages, type LanguageTag } from '../i18n/languages'
import { languageTagSchema } from '../i18n/languageTagSchema'

/** The format name every manifest carries (docs/content-pack-format.md). */
export const packFormatName = 'songyun-pack'
/** The highest manifest `formatVersion` this app reads. */
export const supportedPackFormatVersion = 1

/**
 * A pack id: 3–64 chars of `a-z 0-9 . -`, starting and ending with a letter or digit, never `..`.
 * It names a folder (`packs/versions/<id>/`): `...` would be a path step, and Windows strips a
 * trailing dot, so two ids could share one folder.
 */
export const packIdSchema = z
  .string()
  .regex(
    /^(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,62}[a-z0-9]$/,
    'must be 3–64 characters of a-z, 0-9, "." and "-", start and end with a letter or digit, and hold no ".."',
  )

/** A semantic version such as `1.4.0` (pre-release and build parts allowed). */
export const semverSchema = z
  .string()
  .regex(
    /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/,
    'must be a semantic version such as "1.4.0"',
  )

/** A file inside the pack, relative to its root, with forward slashes. */
export const packPathSchema = z
  .string()
  .min(1)
  .max(512)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !p.includes('\\') &&
      !/^[a-zA-Z]:/.test(p) &&
      p.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..'),
    'must be a relative path with "/" separators and no "..", "." or empty segments',
  )

/** An id used inside a pack (exhibits, stations, cards, tracks): kebab-case. */
export const localIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be kebab-case: a-z, 0-9 and "-"')

/** The exhibit kinds this app knows how to present. */
export const exhibitKinds = ['woodblock-printing', 'tea-whisking', 'folk-music'] as const
export type ExhibitKind = (typeof exhibitKinds)[number]

/** The instruments the folk-music stage knows. */
export const instrumentKinds = ['guqin', 'pipa', 'dizi', 'guzheng', 'paiban', 'xiao'] as const

/**
 * Builds the manifest schema for a pack whose `languages` are given: every localized text must
 * carry each of them, and a missing one is reported at its JSON path.
 */
export function createManifestSchema(languages: readonly LanguageTag[]) {
  const text = z.object(
    Object.fromEntries(languages.map((tag) => [tag, z.string().min(1, 'must not be empty')])),
  ) as unknown as z.ZodType<Record<string, string>>

  const term = z.object({
    /** The Chinese term as written, e.g. 点茶. */
    term: z.string().min(1),
    /** Its reading in Hanyu Pinyin with tone marks, e.g. diǎnchá. */
    pinyin: z.string().min(1),
  })

  const card = z.object({
    id: localIdSchema,
    title: text,
    body: text,
    /** The source the card's facts come from: author, work, section. */
    source: text,
    image: packPathSchema.optional(),
  })

  const station = z.object({
    id: localIdSchema,
    title: text,
    /** What the visitor should do, one short sentence. */
    hint: text,
    /** The knowledge card this station opens. */
    cardId: localIdSchema.optional(),
  })

  const exhibitBase = {
    id: localIdSchema,
    title: text,
    teaser: text,
    image: packPathSchema.optional(),
    stations: z.array(station).min(1),
    cards: z.array(card).default([]),
    /** Key terms that get pinyin over them when the reading aid is on. */
    glossary: z.array(term).default([]),
  }
  /** The one line a keepsake card says of what the visitor made (docs/content-packs.md). */
  const keepsakeCaption = { keepsakeCaption: text.optional() }

  const block = z.object({
    id: localIdSchema,
    title: text,
    /** What is carved: one character, a line of verse, or a motif. */
    carving: z.enum(['characters', 'verse', 'motif']),
    /** The characters carved (read top to bottom, right to left); for a motif, its name. */
    text: z.string().min(1).max(40),
  })

  const seal = z.object({ text: z.string().min(1).max(4), title: text })

  const captionCue = z.object({
    startSeconds: z.number().min(0),
    endSeconds: z.number().positive(),
    text,
  })

  const track = z
    .object({
      id: localIdSchema,
      title: text,
      performer: text,
      durationSeconds: z.number().positive(),
      audio: packPathSchema,
      captions: z.array(captionCue).default([]),
      /** A described version for visitors who cannot hear the recording. */
      description: text.optional(),
      credits: text,
      /** A drone or slow track meant to be played along over with the pentatonic pads. */
      isPlayAlongBed: z.boolean().default(false),
    })
    .refine((t) => t.captions.length > 0 || t.description !== undefined, {
      message: 'a track needs captions or a description',
      path: ['captions'],
    })

  /** Measured by `pack build` / `pack add-track` with ffmpeg's EBU R128 meter (docs/loudness.md). */
  const loudness = z.object({
    /** Integrated loudness in LUFS (ITU-R BS.1770). */
    integratedLufs: z.number().min(-70).max(10),
    /** True peak in dBTP. */
    truePeakDbtp: z.number().min(-100).max(30),
  })

  /** One instrument's part of an ensemble piece: a recording as long as every other stem. */
  const stem = z.object({
    /** The stage instrument (`instruments[].id`) that plays this part. */
    instrumentId: localIdSchema,
    audio: packPathSchema,
  })

  /**
   * A piece given as stems, one per instrument, all the same length and started together, so a
   * visitor can bring instruments in and out of the ensemble while it plays.
   */
  const piece = z
    .object({
      id: localIdSchema,
      title: text,
      performer: text,
      credits: text,
      description: text.optional(),
      durationSeconds: z.number().positive(),
      captions: z.array(captionCue).default([]),
      /** 宫 of the piece in Hz: the play-along pads sound in its mode on this tonic. */
      tonicHz: z.number().min(40).max(2000),
      /** The piece's mode: the degree it rests on (宫商角徵羽). */
      mode: z.enum(['gong', 'shang', 'jue', 'zhi', 'yu']).default('gong'),
      /** Beats per minute: pads played along land on its beat. */
      bpm: z.number().min(20).max(300),
      /** Loudness of all stems played together (else estimated from each stem's own). */
      mixLoudness: loudness.optional(),
      stems: z.array(stem).min(1),
    })
    .refine((p) => new Set(p.stems.map((s) => s.instrumentId)).size === p.stems.length, {
      message: 'each instrument may give only one stem of a piece',
      path: ['stems'],
    })

  const instrument = z.object({
    id: localIdSchema,
    instrument: z.enum(instrumentKinds),
    name: text,
    intro: text,
    cardId: localIdSchema.optional(),
    image: packPathSchema.optional(),
    /** The tonic of the play-along pads in Hz (宫). */
    tonicHz: z.number().min(40).max(2000).default(293.66),
    tracks: z.array(track).default([]),
  })

  const exhibit = z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('woodblock-printing'),
      ...exhibitBase,
      ...keepsakeCaption,
      blocks: z.array(block).min(1),
      seal: seal.optional(),
    }),
    z.object({ kind: z.literal('tea-whisking'), ...exhibitBase, ...keepsakeCaption }),
    z
      .object({
        kind: z.literal('folk-music'),
        ...exhibitBase,
        instruments: z.array(instrument).min(1),
        /** Ensemble pieces given as stems (合奏). */
        pieces: z.array(piece).default([]),
      })
      .refine(
        (e) =>
          e.pieces.every((p) =>
            p.stems.every((s) => e.instruments.some((i) => i.id === s.instrumentId)),
          ),
        { message: 'every stem must name an instrument of this exhibit', path: ['pieces'] },
      ),
  ])

  const fileEntry = z.object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
    size: z.number().int().min(0),
    /** Audio files: their measured loudness, from which the player sets their gain. */
    loudness: loudness.optional(),
  })

  return z.object({
    format: z.literal(packFormatName),
    formatVersion: z.literal(supportedPackFormatVersion),
    id: packIdSchema,
    version: semverSchema,
    title: text,
    publisher: z.string().min(1),
    createdAt: z.iso.datetime({ offset: true }),
    minAppVersion: semverSchema.optional(),
    languages: z
      .array(languageTagSchema)
      .min(2)
      .refine((tags) => requiredLanguages.every((tag) => tags.includes(tag)), {
        message: `must include ${requiredLanguages.join(' and ')}`,
      }),
    exhibits: z.array(exhibit).min(1),
    /** The venue a keepsake card names, and its mark (an image of the pack). */
    venue: z.object({ name: text, mark: packPathSchema.optional() }).optional(),
    /** How keepsake cards write the date: one line per style, in this order. */
    keepsake: z
      .object({ dateStyles: z.array(z.enum(keepsakeDateStyles)).min(1).max(3) })
      .optional(),
    files: z.record(packPathSchema, fileEntry),
  })
}

/** The manifest for the required languages; what the JSON Schema and the types are made from. */
export const manifestSchema = createManifestSchema(requiredLanguages)
export type PackManifest = z.infer<typeof manifestSchema>
export type Exhibit = PackManifest['exhibits'][number]
export type Station = Exhibit['stations'][number]
export type KnowledgeCard = Exhibit['cards'][number]
export type GlossaryTerm = Exhibit['glossary'][number]
export type WoodblockExhibit = Extract<Exhibit, { kind: 'woodblock-printing' }>
export type TeaExhibit = Extract<Exhibit, { kind: 'tea-whisking' }>
export type FolkMusicExhibit = Extract<Exhibit, { kind: 'folk-music' }>
export type Instrument = FolkMusicExhibit['instruments'][number]
export type Track = Instrument['tracks'][number]
export type EnsemblePiece = FolkMusicExhibit['pieces'][number]
export type PieceStem = EnsemblePiece['stems'][number]
export type FileLoudness = NonNullable<PackManifest['files'][string]['loudness']>
export type CarvedBlock = WoodblockExhibit['blocks'][number]
