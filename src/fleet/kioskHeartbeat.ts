import * as z from 'zod'
import { kioskModeSchema } from '../settings/settingsSchema'

/** What a kiosk can say of its printer (none is configured until the keepsake printer exists). */
export const printerStates = ['not-configured', 'ready', 'offline', 'error'] as const

/** The result of one fleet command on this kiosk, as its heartbeat reports it. */
export const commandResultSchema = z.object({
  commandId: z.string().min(1).max(128),
  outcome: z.enum(['applied', 'failed', 'refused']),
  message: z.string().max(500),
  atMs: z.number(),
})
export type CommandResult = z.infer<typeof commandResultSchema>

/**
 * `kiosks/<kiosk-id>/status.json` in the fleet folder: what each kiosk writes every minute
 * (docs/fleet.md). Readers ignore keys they do not know, so later versions may add some.
 */
export const kioskHeartbeatSchema = z.object({
  format: z.literal('songyun-kiosk-heartbeat'),
  formatVersion: z.literal(1),
  kioskId: z.string().min(1).max(64),
  kioskName: z.string().max(200),
  /** Random per data folder: two kiosks configured with one id have different ones. */
  installationId: z.string().min(1).max(64),
  appVersion: z.string().max(64),
  packs: z.array(z.object({ id: z.string().max(128), version: z.string().max(64) })).max(200),
  mode: kioskModeSchema,
  configuredMode: kioskModeSchema,
  isOpen: z.boolean(),
  isClosedByHours: z.boolean(),
  uptimeSeconds: z.number().min(0),
  lastError: z.string().max(500).nullable(),
  printerState: z.enum(printerStates),
  diskFreeBytes: z.number().nullable(),
  lastVisitAtMs: z.number().nullable(),
  writtenAtMs: z.number(),
  commandResults: z.array(commandResultSchema).max(50),
  warnings: z.array(z.string().max(500)).max(20),
})
export type KioskHeartbeat = z.infer<typeof kioskHeartbeatSchema>
