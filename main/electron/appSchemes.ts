/** The scheme the renderer is served from instead of `file://`. */
export const appScheme = 'app'
/** The scheme pack media is served from. */
export const packScheme = 'pack'
/** The renderer's origin under {@link appScheme}. */
export const appOrigin = `${appScheme}://kiosk`
/** The page the kiosk window loads. */
export const appEntryUrl = `${appOrigin}/index.html`
