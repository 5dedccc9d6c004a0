import type { KeyObject } from 'node:crypto'
import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import { fleetCommandSchema, isCommandFor, type FleetAction } from '../../../src/fleet/fleetCommand'
import type { CommandResult } from '../../../src/fleet/kioskHeartbeat'
import {
  isSyncedFileStill,
  isSyncTemporaryName,
  trackSyncedFile,
  type SyncedFileTrack,
} from '../../../src/fleet/syncedFileSettling'
import type { Clock } from '../../../src/time/clock'
import type { Logger } from '../logger'
import { decodeSignature, findSigningKey } from '../packs/packSigningKeys'
import { fleetLayout } from './fleetFolder'
import type { FleetStateFile } from './fleetState'

/** Carries out a command's action on this kiosk; rejects with a message saying why it could not. */
export type FleetActionRunner = (action: FleetAction) => Promise<string>

/**
 * Applies the signed staff commands of the fleet folder's `commands/`: each command file
 * `<name>.json` with its signature `<name>.json.sig`, once settled. A command is applied once
 * (its id is remembered in the data folder); an unsigned one, or one no trusted key signed, is
 * refused and reported, and looked at again only when its files change.
 */
export class FleetCommandIntake {
  readonly #tracks = new Map<string, SyncedFileTrack>()
  /** Refusals already reported, by file name and the bytes' size and time: each is said once. */
  readonly #reportedRefusals = new Set<string>()

  constructor(
    private readonly fleetDir: string,
    private readonly kioskId: string,
    private readonly state: FleetStateFile,
    private readonly trustedKeys: () => Promise<readonly KeyObject[]>,
    private readonly runAction: FleetActionRunner,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly settleMs: number,
  ) {}

  async scan(): Promise<void> {
    const folder = fleetLayout.commands(this.fleetDir)
    const names = await readdir(folder).catch(() => [] as string[])
    const nowMs = this.clock.nowMs()
    const present = new Set<string>()
    for (const fileName of names.sort()) {
      if (isSyncTemporaryName(fileName) || !fileName.endsWith('.json')) continue
      const filePath = path.join(folder, fileName)
      const [json, sig] = await Promise.all([
        stat(filePath).catch(() => undefined),
        stat(`${filePath}.sig`).catch(() => undefined),
      ])
      if (!json?.isFile()) continue
      present.add(fileName)
      const track = trackSyncedFile(
        this.#tracks.get(fileName),
        // The signature is part of the command: a change to either restarts the settle time.
        {
          sizeBytes: json.size + (sig?.size ?? 0),
          modifiedAtMs: Math.max(json.mtimeMs, sig?.mtimeMs ?? 0),
        },
        nowMs,
      )
      this.#tracks.set(fileName, track)
      if (!isSyncedFileStill(track, nowMs, this.settleMs)) continue
      await this.#consider(
        filePath,
        fileName,
        `${fileName}:${track.sizeBytes}:${track.modifiedAtMs}`,
      )
    }
    for (const name of this.#tracks.keys()) if (!present.has(name)) this.#tracks.delete(name)
  }

  async #consider(filePath: string, fileName: string, versionKey: string): Promise<void> {
    const bytes = await readFile(filePath).catch(() => undefined)
    if (!bytes) return
    let json: unknown
    try {
      json = JSON.parse(bytes.toString('utf8'))
    } catch (error) {
      return this.#refuse(versionKey, fileName, `not JSON: ${(error as Error).message}`)
    }
    const parsed = fleetCommandSchema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return this.#refuse(
        versionKey,
        fileName,
        `not a fleet command: ${issue?.path.join('.') || '(top)'}: ${issue?.message}`,
      )
    }
    const command = parsed.data
    if (!isCommandFor(command, this.kioskId)) return
    if (
      this.state.state.commandResults.some(
        (r) => r.commandId === command.id && r.outcome !== 'refused',
      )
    )
      return
    const signatureText = await readFile(`${filePath}.sig`, 'utf8').catch(() => undefined)
    const signature = signatureText === undefined ? undefined : decodeSignature(signatureText)
    if (!signature) {
      return this.#refuse(
        versionKey,
        command.id,
        signatureText === undefined
          ? `unsigned (no ${fileName}.sig): sign it with "songyun fleet command … --key"`
          : `${fileName}.sig is not an Ed25519 signature`,
      )
    }
    if (!findSigningKey(bytes, signature, await this.trustedKeys())) {
      return this.#refuse(versionKey, command.id, 'not signed by a key this kiosk trusts')
    }
    let result: CommandResult
    try {
      const message = await this.runAction(command.action)
      result = { commandId: command.id, outcome: 'applied', message, atMs: this.clock.nowMs() }
      this.logger.info(`fleet: applied command ${command.id}: ${message}`)
    } catch (error) {
      result = {
        commandId: command.id,
        outcome: 'failed',
        message: (error as Error).message.slice(0, 500),
        atMs: this.clock.nowMs(),
      }
      this.logger.warn(`fleet: command ${command.id} failed: ${result.message}`)
    }
    await this.state.update((state) => {
      state.commandResults = [
        ...state.commandResults.filter((r) => r.commandId !== command.id),
        result,
      ]
    })
  }

  async #refuse(versionKey: string, commandId: string, message: string): Promise<void> {
    if (this.#reportedRefusals.has(versionKey)) return
    this.#reportedRefusals.add(versionKey)
    this.logger.warn(`fleet: refused command ${commandId}: ${message}`)
    const result: CommandResult = {
      commandId,
      outcome: 'refused',
      message: message.slice(0, 500),
      atMs: this.clock.nowMs(),
    }
    await this.state.update((state) => {
      state.commandResults = [
        ...state.commandResults.filter((r) => r.commandId !== commandId),
        result,
      ]
    })
  }
}
