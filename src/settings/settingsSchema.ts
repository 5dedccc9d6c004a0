import * as z from 'zod'
import { languageTagSchema } from '../i18n/languageTagSchema'
import { timeZoneSchema } from './timeZoneSchema'
import { settingsDefaults } from './settingsDefaults'
import { keepsakePapers } from '../keepsake/keepsakePaper'

/** A local wall-clock time `HH:MM` (24 h). `24:00` is allowed as the end of a day. */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time "HH:MM" between 00:00 and 24:00')

/** A span of local time; `to` earlier than `from` runs across midnight. */
export const timeSpanSchema = z.object({ from: clockTimeSchema, to: clockTimeSchema })

export const quietHoursSchema = timeSpanSchema.extend({
  maxVolume: z.number().min(0).max(1),
})

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof weekdays)[number]

/**
 * Opening hours per weekday. A weekday that is absent is closed all day; leaving the whole
 * setting out means always open.
 */
export const openingHoursSchema = z.partialRecord(z.enum(weekdays), z.array(timeSpanSchema))

/** A kiosk's name in the fleet folder: also a folder name, so no separators or dots at the ends. */
export const kioskIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,62}[A-Za-z0-9])?$/,
    'letters, digits, "-" and "_", starting and ending with a letter or digit (at most 64)',
  )

/**
 * A CUPS queue name as `lp -d` takes it: printable characters without space, slash, "#" or a
 * leading "-" (so it can never read as an option).
 */
export const keepsakePrinterNameSchema = z
  .string()
  .regex(
    /^[^\s/#\\-][^\s/#\\]{0,126}$/,
    'a printer (CUPS queue) name: no spaces, "/", "#" or "\\", not starting with "-"',
  )

export const kioskModes = ['open', 'single-exhibit', 'closed'] as const
export const kioskModeSchema = z.enum(kioskModes)
export type KioskMode = z.infer<typeof kioskModeSchema>

/** The shape of every key of `settings.json` (docs/operators.md "Settings"), with its default. */
export const settingsShape = {
  defaultLanguage: languageTagSchema.default(settingsDefaults.defaultLanguage),
  idleTimeoutSeconds: z.number().int().min(5).default(settingsDefaults.idleTimeoutSeconds),
  idleWarningSeconds: z.number().int().min(3).default(settingsDefaults.idleWarningSeconds),
  volume: z.number().min(0).max(1).default(settingsDefaults.volume),
  quietHours: z.array(quietHoursSchema).default(() => []),
  openingHours: openingHoursSchema.optional(),
  mode: kioskModeSchema.default(settingsDefaults.mode),
  singleExhibit: z.string().min(1).optional(),
  requireSignedPacks: z.boolean().default(settingsDefaults.requireSignedPacks),
  // Also in docs/operators.md "Settings": the zone the hours are read in (absent: the
  // machine's) and how long a staff session may stay idle.
  timeZone: timeZoneSchema.optional(),
  staffSessionIdleSeconds: z
    .number()
    .int()
    .min(30)
    // docs/kiosk-contract.md "Modes and staff": a staff session ends after 5 idle minutes;
    // shorter is allowed, longer is not.
    .max(300)
    .default(settingsDefaults.staffSessionIdleSeconds),
  // The fleet folder a venue's kiosks share (docs/fleet.md): absent means a kiosk on its own.
  fleetDir: z.string().min(1).max(1024).optional(),
  kioskId: kioskIdSchema.optional(),
  kioskName: z.string().min(1).max(200).optional(),
  // The keepsake printer (docs/operators.md "Keepsake printer"): the CUPS queue keepsakes go to
  // (absent: no take-home button), the card's paper, and the venue's limits.
  keepsakePrinter: keepsakePrinterNameSchema.optional(),
  keepsakePaper: z.enum(keepsakePapers).default(settingsDefaults.keepsakePaper),
  keepsakesPerVisit: z.number().int().min(0).max(5).default(settingsDefaults.keepsakesPerVisit),
  keepsakesPerDay: z.number().int().min(0).max(10000).default(settingsDefaults.keepsakesPerDay),
} as const

/** The full, validated settings with defaults filled in. */
export const settingsSchema = z.object(settingsShape)
export type Settings = z.infer<typeof settingsSchema>

/** A change to some keys; `null` removes an optional key. */
export const settingsPatchSchema = z
  .object({
    defaultLanguage: settingsShape.defaultLanguage.unwrap(),
    idleTimeoutSeconds: settingsShape.idleTimeoutSeconds.unwrap(),
    idleWarningSeconds: settingsShape.idleWarningSeconds.unwrap(),
    volume: settingsShape.volume.unwrap(),
    quietHours: settingsShape.quietHours.unwrap(),
    openingHours: openingHoursSchema.nullable(),
    mode: kioskModeSchema,
    singleExhibit: z.string().min(1).nullable(),
    requireSignedPacks: z.boolean(),
    timeZone: timeZoneSchema.nullable(),
    staffSessionIdleSeconds: settingsShape.staffSessionIdleSeconds.unwrap(),
    fleetDir: z.string().min(1).max(1024).nullable(),
    kioskId: kioskIdSchema.nullable(),
    kioskName: z.string().min(1).max(200).nullable(),
    keepsakePrinter: keepsakePrinterNameSchema.nullable(),
    keepsakePaper: settingsShape.keepsakePaper.unwrap(),
    keepsakesPerVisit: settingsShape.keepsakesPerVisit.unwrap(),
    keepsakesPerDay: settingsShape.keepsakesPerDay.unwrap(),
  })
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

/** The defaults, as a fresh data folder has them. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({})
}

/** One problem found in a settings file: the key at fault and why. */
export interface SettingsProblem {
  readonly key: string
  readonly message: string
}

/**
 * Reads untrusted settings key by key: a valid key is kept, an invalid or unknown one is reported
 * and replaced by its default, so one typo never costs the venue the rest of its settings.
 */
export function salvageSettings(raw: unknown): { settings: Settings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = []
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      settings: defaultSettings(),
      problems: [{ key: '(root)', message: 'settings must be a JSON object' }],
    }
  }
  const kept: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(raw)) {
    const schema = (settingsShape as Record<string, z.ZodType>)[key]
    if (!schema) {
      problems.push({ key, message: 'unknown setting, ignored' })
      continue
    }
    const result = schema.safeParse(value)
    if (result.success) kept[key] = result.data
    else problems.push({ key, message: result.error.issues.map((i) => i.message).join('; ') })
  }
  return { settings: settingsSchema.parse(kept), problems }
}
