import path from 'node:path'

/**
 * The media types a pack may hand to the renderer, by extension: images, recordings, captions,
 * models, fonts and JSON data. Pages and scripts (`.html`, `.js`, `.css`, `.wasm`) are not among
 * them: a pack is content, never code running in the kiosk's origin.
 */
const packMediaTypeByExtension: Readonly<Record<string, string>> = {
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg; codecs=opus',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.flac': 'audio/flac',
  '.webm': 'audio/webm',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
}

/** The Content-Type a pack file is served with, or undefined when packs may not serve its kind. */
export function packMediaTypeOf(fileName: string): string | undefined {
  return packMediaTypeByExtension[path.extname(fileName).toLowerCase()]
}

/**
 * The policy sent with every pack file: were one ever opened as a document (an SVG, say), it
 * runs no script, loads nothing and sits in a unique origin without the kiosk's services.
 */
export const packMediaContentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; sandbox"
