import { mkdir, readdir, readFile, rm } from 'node:fs/promises'
import path from 'node:path'
import { privateFolderMode } from '../privateDataFolder'
import { writeFileOntoRemovableMedia } from '../removableMediaFile'

/**
 * `<data>/keepsakes/YYYY-MM-DD/`: the day's keepsake PDFs, kept so staff can export them to a
 * stick (a card the printer refused can be printed elsewhere). Only today's folder stays: older
 * days are deleted whenever a card is made or the service starts (docs/operators.md).
 */
export class KeepsakeJobFolder {
  constructor(private readonly dataDir: string) {}

  get root(): string {
    return path.join(this.dataDir, 'keepsakes')
  }

  dayFolder(day: string): string {
    return path.join(this.root, day)
  }

  /** Today's folder, created, with every other day's deleted. */
  async prepare(day: string): Promise<string> {
    await this.deleteDaysOtherThan(day)
    const folder = this.dayFolder(day)
    await mkdir(folder, { recursive: true, mode: privateFolderMode })
    return folder
  }

  /** Removes every day folder but `day`'s; files that are not day folders are left alone. */
  async deleteDaysOtherThan(day: string): Promise<void> {
    const entries = await readdir(this.root, { withFileTypes: true }).catch(() => [])
    for (const entry of entries) {
      if (entry.isDirectory() && /^\d{4}-\d{2}-\d{2}$/.test(entry.name) && entry.name !== day) {
        await rm(path.join(this.root, entry.name), { recursive: true, force: true })
      }
    }
  }

  /** The day's PDFs, oldest first (names start with the time). */
  async pdfsOf(day: string): Promise<string[]> {
    const names = await readdir(this.dayFolder(day)).catch(() => [] as string[])
    return names.filter((name) => name.endsWith('.pdf')).sort()
  }

  /** How many cards the day printed: its PDFs but those the printer refused. */
  async printedCountOf(day: string): Promise<number> {
    return (await this.pdfsOf(day)).filter((name) => !name.includes('.not-printed')).length
  }

  /** Copies the day's PDFs into `songyun-keepsakes-DAY/` under `volumePath` (a USB stick). */
  async exportDay(day: string, volumePath: string): Promise<{ folder: string; fileCount: number }> {
    const folder = path.join(volumePath, `songyun-keepsakes-${day}`)
    await mkdir(folder, { recursive: true })
    const names = await this.pdfsOf(day)
    for (const name of names) {
      await writeFileOntoRemovableMedia(
        path.join(folder, name),
        await readFile(path.join(this.dayFolder(day), name)),
      )
    }
    return { folder, fileCount: names.length }
  }
}
