import type { PackManifest } from '../../../src/pack/manifestSchema'

/**
 * The manifest keys whose string value is a media file of the pack. Any such key anywhere under
 * `exhibits` counts, so a new exhibit field named like these is checked without a change here.
 */
export const mediaReferenceKeys = new Set([
  'image',
  'images',
  'audio',
  'video',
  'model',
  'poster',
  'texture',
  'thumbnail',
  'icon',
  'media',
])

/** One media path used in the manifest and where. */
export interface MediaReference {
  readonly path: string
  /** The JSON path of the value, from the manifest root. */
  readonly pointer: readonly (string | number)[]
}

/**
 * Every media reference inside `exhibits` (docs/content-pack-format.md: each must be a path in
 * `files`), and
 * the venue's mark for keepsake cards.
 */
export function collectMediaReferences(
  manifest: Pick<PackManifest, 'exhibits'> & Partial<Pick<PackManifest, 'venue'>>,
): MediaReference[] {
  const found: MediaReference[] = []
  const walk = (value: unknown, pointer: (string | number)[], isMediaValue: boolean) => {
    if (typeof value === 'string') {
      if (isMediaValue) found.push({ path: value, pointer })
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...pointer, index], isMediaValue))
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value)) {
        walk(child, [...pointer, key], mediaReferenceKeys.has(key))
      }
    }
  }
  walk(manifest.exhibits, ['exhibits'], false)
  if (manifest.venue?.mark) found.push({ path: manifest.venue.mark, pointer: ['venue', 'mark'] })
  return found
}
