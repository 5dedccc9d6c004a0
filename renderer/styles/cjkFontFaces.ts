// The CJK faces' own @font-face rules: about 300 rules, 300 kB of the style sheet, one per
// subset file of each face. The first screen draws none of them (its glyphs are cut into
// 'Songyun First Screen' inside index.html, scripts/vite/firstScreenFontPreloads.ts), so they
// are declared after it is interactive (renderer/startup/declareCjkFacesAfterLoad.ts): in the
// page's own style sheet they cost every start a parse and a style pass of 100–500 ms on the
// kiosk's machine before the starting screen's first frame (docs/performance.md, Start-up).
import '@fontsource/noto-serif-sc/400.css'
import '@fontsource/noto-serif-sc/600.css'
import '@fontsource/noto-sans-sc/400.css'
