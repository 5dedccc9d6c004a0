import songFaceUrl from '@fontsource/noto-serif-sc/files/noto-serif-sc-111-400-normal.woff2?url'
import yunFaceUrl from '@fontsource/noto-serif-sc/files/noto-serif-sc-108-400-normal.woff2?url'

/** The face the shop's mark (宋韵) falls back to where the model face is missing: bundled. */
export const shopMarkFaceFamily = 'Noto Serif SC'

/**
 * The two subset files of Noto Serif SC (@fontsource, OFL-1.1) that hold the mark's characters,
 * with the ranges they are declared for (a test checks them against the package's own style
 * sheet, so a package update that moves the characters fails there, not on screen).
 */
export const shopMarkFaceFiles = [
  { url: songFaceUrl, unicodeRange: 'U+5B8B' },
  { url: yunFaceUrl, unicodeRange: 'U+97F5' },
] as const

const loadingBySet = new WeakMap<FontFaceSet, Promise<boolean>>()

/**
 * Loads the mark's face once into `fonts`: on the page the style sheet declares it, but the
 * scene worker's `self.fonts` sees none of the document's faces (docs/performance.md, "Drawing in
 * a worker"). Resolves false where it cannot be loaded; the mark is then drawn in a system face.
 */
export function loadShopMarkFace(fonts: FontFaceSet | undefined): Promise<boolean> {
  if (!fonts || typeof FontFace === 'undefined') return Promise.resolve(false)
  let loading = loadingBySet.get(fonts)
  if (!loading) {
    loading = (async () => {
      try {
        const faces = await Promise.all(
          shopMarkFaceFiles.map(({ url, unicodeRange }) =>
            new FontFace(shopMarkFaceFamily, `url(${url})`, { unicodeRange }).load(),
          ),
        )
        for (const face of faces) fonts.add(face)
        return true
      } catch (error) {
        console.warn("The shop mark's face could not be loaded; drawing it in a system face", error)
        return false
      }
    })()
    loadingBySet.set(fonts, loading)
  }
  return loading
}
