import { copyFile, readFile } from 'node:fs/promises'
import path from 'node:path'
import {
  salvageSettings,
  settingsSchema,
  type Settings,
  type SettingsPatch,
  type SettingsProblem,
} from '../../src/settings/settingsSchema'
import type { SettingsSnapshot } from '../../src/contract/areas/settings'
import { describeJsonSyntaxError } from '../../src/json/jsonSyntaxError'
import type { Clock } from '../../src/time/clock'
import { writeJsonAtomically } from './atomicFile'
import type { EventBus } from './eventBus'
import type { Logger } from './logger'

/** The file name of the settings inside the data folder. */
export const settingsFileName = 'settings.json'

/**
 * Owns `settings.json`: reads it forgivingly (a bad key falls back to its default and is
 * reported), writes it atomically, and announces every change on the event bus.
 */
export class SettingsService {
  #settings: Settings = settingsSchema.parse({})
  #problems: SettingsProblem[] = []
  /** Set while the file on disk holds something we could not read, so we keep a copy before overwriting. */
  #isFileDamaged = false

  constructor(
    private readonly dataDir: string,
    private readonly events: EventBus,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  get filePath(): string {
    return path.join(this.dataDir, settingsFileName)
  }

  /** Reads the file; never throws for a missing or bad file. */
  async load(): Promise<SettingsSnapshot> {
    let text: string
    try {
      text = await readFile(this.filePath, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.logger.warn(`settings: cannot read ${this.filePath}: ${(error as Error).message}`)
      }
      this.#settings = settingsSchema.parse({})
      this.#problems = []
      return this.snapshot()
    }
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      raw = undefined
      this.#problems = [{ key: '(file)', message: describeJsonSyntaxError(text, error as Error) }]
    }
    if (raw !== undefined) {
      const salvaged = salvageSettings(raw)
      this.#settings = salvaged.settings
      this.#problems = salvaged.problems
    } else {
      this.#settings = settingsSchema.parse({})
    }
    this.#isFileDamaged = this.#problems.length > 0
    for (const problem of this.#problems) {
      this.logger.warn(
        `settings: ${this.filePath}: "${problem.key}": ${problem.message}; using the default`,
      )
    }
    return this.snapshot()
  }

  /**
   * Reads the file again after someone else wrote it (`songyun mode set` in a terminal, an
   * operator's editor) and announces the change; returns whether anything changed.
   */
  async reloadFromDisk(): Promise<boolean> {
    const before = JSON.stringify(this.#settings)
    const snapshot = await this.load()
    if (JSON.stringify(snapshot.settings) === before) return false
    this.events.emit('settings:changed', snapshot)
    return true
  }

  get settings(): Settings {
    return this.#settings
  }

  snapshot(): SettingsSnapshot {
    return { settings: this.#settings, problems: this.#problems }
  }

  /** Applies a validated patch (`null` removes an optional key) and writes the file atomically. */
  async update(patch: SettingsPatch): Promise<SettingsSnapshot> {
    const next: Record<string, unknown> = { ...this.#settings }
    for (const [key, value] of Object.entries(patch)) {
      if (value === null) delete next[key]
      else if (value !== undefined) next[key] = value
    }
    const settings = settingsSchema.parse(next)
    if (this.#isFileDamaged) {
      // Keep what the operator wrote, so a typo can be looked at after we overwrite it.
      const backup = `${this.filePath}.damaged-${this.clock.nowMs()}`
      await copyFile(this.filePath, backup).catch(() => undefined)
      this.logger.warn(`settings: kept the damaged file as ${backup}`)
      this.#isFileDamaged = false
    }
    await writeJsonAtomically(this.filePath, settings)
    this.#settings = settings
    this.#problems = []
    const snapshot = this.snapshot()
    this.events.emit('settings:changed', snapshot)
    return snapshot
  }
}
