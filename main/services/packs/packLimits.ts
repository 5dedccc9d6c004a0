/** The limits an archive must keep to (docs/content-pack-format.md "Limits"). */
export interface PackLimits {
  /** Entries in the archive, counting directories and OS junk. */
  readonly maxEntries: number
  /** Uncompressed bytes of all the pack's files together. */
  readonly maxTotalBytes: number
  /** Disk space an install must leave free, besides the pack itself. */
  readonly freeDiskMarginBytes: number
  /**
   * Uncompressed ÷ compressed size above which an entry is treated as a zip bomb. Deflate
   * cannot exceed about 1032:1, which only long runs of one byte reach (what bombs are made of);
   * real media and text stay far below, though silence or padding can pass 200:1.
   */
  readonly maxCompressionRatio: number
  /** Entries smaller than this are not judged by their ratio (a small file of spaces is fine). */
  readonly compressionRatioFloorBytes: number
  /** The largest `manifest.json` read into memory. */
  readonly maxManifestBytes: number
  /** The largest `manifest.sig` read into memory. */
  readonly maxSignatureBytes: number
}

const mebibyte = 1024 * 1024

/** The limits of the spec, plus the app's own choices documented in docs/content-packs.md. */
export const defaultPackLimits: PackLimits = {
  maxEntries: 20_000,
  maxTotalBytes: 4 * 1024 * mebibyte,
  freeDiskMarginBytes: 512 * mebibyte,
  maxCompressionRatio: 1000,
  compressionRatioFloorBytes: mebibyte,
  maxManifestBytes: 16 * mebibyte,
  maxSignatureBytes: 4096,
}
