import modelGlyphFontUrl from '../modelGlyphFont.woff?url'

/**
 * The face of the faint model under the 写样 sheet: LXGW WenKai (霞鹜文楷, OFL-1.1), a regular
 * script (楷) face, subset to the characters the pack's blocks carve by
 * scripts/subsetModelFont.mjs (the whole face is 7 MB). Southern Song Zhejiang editions were cut
 * from samples in regular script, not in the later Ming-style print face.
 */
export const modelGlyphFontFamily = 'Songyun Woodblock Model Kai'

let loading: Promise<boolean> | undefined

/**
 * Loads the model face once for the page (fonts belong to the document, like the app's CSS
 * faces, and stay). Resolves false where it cannot be loaded (no FontFace, a missing file): the
 * sheet then draws the model from the scribe's stroke outlines instead.
 */
export function loadModelGlyphFont(): Promise<boolean> {
  loading ??= (async () => {
    if (typeof FontFace === 'undefined' || typeof document === 'undefined') return false
    try {
      const face = new FontFace(modelGlyphFontFamily, `url(${modelGlyphFontUrl})`)
      document.fonts.add(await face.load())
      return true
    } catch (error) {
      console.warn('The woodblock model face could not be loaded; drawing stroke outlines', error)
      return false
    }
  })()
  return loading
}
