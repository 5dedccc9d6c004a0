import path from 'node:path'
import { mimeTypeOf } from '../web/mimeTypes'

/**
 * The kinds of file a pack may hand to the renderer, by extension: images, recordings, captions,
 * models, fonts and JSON data. Pages and scripts (`.html`, `.js`, `.css`, `.wasm`) are not among
 * them: a pack is content, never code running in the kiosk's origin. Their types come from the
 * one table, main/web/mimeTypes.ts.
 */
const packMediaExtensions: ReadonlySet<string> = new Set([
  '.json',
  '.svg',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.avif',
  '.gif',
  '.ogg',
  '.oga',
  '.opus',
  '.mp3',
  '.m4a',
  '.wav',
  '.flac',
  '.webm',
  '.mp4',
  '.vtt',
  '.txt',
  '.glb',
  '.gltf',
  '.woff',
  '.woff2',
  '.ttf',
  '.otf',
])

/** The Content-Type a pack file is served with, or undefined when packs may not serve its kind. */
export function packMediaTypeOf(fileName: string): string | undefined {
  return packMediaExtensions.has(path.extname(fileName).toLowerCase())
    ? mimeTypeOf(fileName)
    : undefined
}

/**
 * The policy sent with every pack file: were one ever opened as a document (an SVG, say), it
 * runs no script, loads nothing and sits in a unique origin without the kiosk's services.
 */
export const packMediaContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; sandbox"
