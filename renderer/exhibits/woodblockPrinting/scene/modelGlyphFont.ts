import modelGlyphFontUrl from '../modelGlyphFont.woff?url'

/**
 * The face of the faint model under the 写样 sheet: LXGW WenKai (霞鹜文楷, OFL-1.1), a regular
 * script (楷) face, subset to the characters the pack's blocks carve by
 * scripts/subsetModelFont.mjs (the whole face is 7 MB). Southern Song Zhejiang editions were cut
 * from samples in regular script, not in the later Ming-style print face.
 */
export const modelGlyphFontFamily = 'Songyun Woodblock Model Kai'

/** Each font set's load of the face: fonts added to a set stay for the life of its page or worker. */
const loadingBySet = new WeakMap<FontFaceSet, Promise<boolean>>()

/**
 * Loads the model face once into `fonts`, the font set the sheet's canvases draw with:
 * `document.fonts` on the page, `self.fonts` in a worker (a worker does not see the document's
 * fonts; docs/performance.md, "Drawing in a worker"). Resolves false where it cannot be loaded
 * (no set, no FontFace, a missing file): the sheet then draws the model from the scribe's stroke
 * outlines instead.
 */
export function loadModelGlyphFont(fonts: FontFaceSet | undefined): Promise<boolean> {
  if (!fonts || typeof FontFace === 'undefined') return Promise.resolve(false)
  let loading = loadingBySet.get(fonts)
  if (!loading) {
    loading = (async () => {
      try {
        const face = new FontFace(modelGlyphFontFamily, `url(${modelGlyphFontUrl})`)
        fonts.add(await face.load())
        return true
      } catch (error) {
        console.warn('The woodblock model face could not be loaded; drawing stroke outlines', error)
        return false
      }
    })()
    loadingBySet.set(fonts, loading)
  }
  return loading
}
