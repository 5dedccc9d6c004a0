import type { ActivePackSummary, KioskContent } from '../../src/contract/areas/content'
import { requiredLanguages, type LanguageTag } from '../../src/i18n/languages'
import type { FileLoudness, PackManifest } from '../../src/pack/manifestSchema'
import { resolveInsideRoot } from './safePath'

/** An active pack: its manifest and the folder its files live in. */
export interface ActivePack {
  readonly manifest: PackManifest
  readonly rootDir: string
}

/** Where the content service finds the active packs (the pack store; a fake in tests). */
export interface ActivePackSource {
  listActivePacks(): Promise<readonly ActivePack[]>
}

/** Joins the active packs into what visitors see, and finds their media files. */
export class ContentService {
  #cache: readonly ActivePack[] | undefined

  constructor(private readonly source: ActivePackSource) {}

  /** Forgets the cached packs (after an install or rollback). */
  invalidate(): void {
    this.#cache = undefined
  }

  async activePacks(): Promise<readonly ActivePack[]> {
    this.#cache ??= await this.source.listActivePacks()
    return this.#cache
  }

  async getContent(): Promise<KioskContent> {
    const packs = await this.activePacks()
    const languages: LanguageTag[] = [...requiredLanguages]
    for (const { manifest } of packs) {
      for (const tag of manifest.languages) if (!languages.includes(tag)) languages.push(tag)
    }
    return {
      packs: packs.map(({ manifest }) => summarize(manifest)),
      exhibits: packs.flatMap(({ manifest }) => {
        const audioLoudness = audioLoudnessOf(manifest)
        return manifest.exhibits.map((exhibit) => ({ packId: manifest.id, exhibit, audioLoudness }))
      }),
      languages,
    }
  }

  /** The file on disk for a media path of an active pack, or `undefined` if there is none. */
  async resolveMediaFile(packId: string, relativePath: string): Promise<string | undefined> {
    const pack = (await this.activePacks()).find((p) => p.manifest.id === packId)
    if (!pack) return undefined
    return resolveInsideRoot(pack.rootDir, relativePath)
  }
}

/** The loudness `pack build` measured for each audio file (docs/loudness.md). */
function audioLoudnessOf(manifest: PackManifest): Record<string, FileLoudness> {
  const table: Record<string, FileLoudness> = {}
  for (const [file, entry] of Object.entries(manifest.files)) {
    if (entry.loudness) table[file] = entry.loudness
  }
  return table
}

export function summarize(manifest: PackManifest): ActivePackSummary {
  return {
    id: manifest.id,
    version: manifest.version,
    title: manifest.title,
    languages: manifest.languages,
  }
}
