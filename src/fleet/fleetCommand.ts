import * as z from 'zod'
import { kioskModeSchema, openingHoursSchema } from '../settings/settingsSchema'

/** What a fleet command asks a kiosk to do. */
export const fleetActionSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('set-mode'),
      mode: kioskModeSchema,
      singleExhibit: z.string().min(1).max(64).optional(),
    })
    .refine((action) => action.mode !== 'single-exhibit' || action.singleExhibit !== undefined, {
      message: 'single-exhibit mode needs the exhibit id in "singleExhibit"',
      path: ['singleExhibit'],
    }),
  z.object({ kind: z.literal('set-hours'), openingHours: openingHoursSchema.nullable() }),
  z.object({ kind: z.literal('rollback'), packId: z.string().min(1).max(128) }),
])
export type FleetAction = z.infer<typeof fleetActionSchema>

/**
 * `commands/<id>.json` in the fleet folder, signed by `<id>.json.sig` (the Ed25519 signature of
 * the file's exact bytes, as `manifest.sig` signs a pack's manifest). `kiosks` is `"all"` or the
 * ids of the kiosks it is for. Each kiosk applies a command once, by its `id`.
 */
export const fleetCommandSchema = z.object({
  format: z.literal('songyun-fleet-command'),
  formatVersion: z.literal(1),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9._-]{0,126}[a-z0-9]$/, 'lowercase letters, digits, . _ - (2–128)'),
  issuedAt: z.iso.datetime(),
  kiosks: z.union([z.literal('all'), z.array(z.string().min(1).max(64)).min(1)]),
  action: fleetActionSchema,
})
export type FleetCommand = z.infer<typeof fleetCommandSchema>

/** Whether a command addresses this kiosk. */
export function isCommandFor(command: FleetCommand, kioskId: string): boolean {
  return command.kiosks === 'all' || command.kiosks.includes(kioskId)
}
