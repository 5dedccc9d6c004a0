import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { messages } from './renderer/i18n/messages'
import { firstScreenFontPreloads, textOfElementById } from './scripts/vite/firstScreenFontPreloads'
import { firstScreenScriptBudget } from './scripts/vite/firstScreenScriptBudget'

const { 'zh-CN': zh, en } = messages

// The renderer is built into out/renderer and served by both shells (app:// and the web host).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    vue(),
    // What the starting screen (index.html) and the attract screen (AttractView.vue) draw, by face;
    // an e2e check (skeleton.spec.ts) fails if the attract screen loads a font not listed here.
    // The CJK serif's first-screen glyphs are cut into their own small files under the family
    // 'Songyun First Screen', which tokens.css and index.html name before 'Noto Serif SC'.
    firstScreenFontPreloads(
      (html) => [
        {
          family: 'Noto Serif SC',
          weight: 400,
          text: textOfElementById(html, 'starting-screen') + zh.app.subtitle.replaceAll(' · ', ''),
          isSubsetForFirstScreen: true,
        },
        {
          family: 'Noto Serif SC',
          weight: 600,
          text: zh.app.name + zh.attract.touchToBegin,
          isSubsetForFirstScreen: true,
        },
        // The English lines are lang="en": the Latin face first (tokens.css).
        { family: 'Source Sans 3', weight: 400, text: en.app.tagline + en.attract.touchToBegin },
      ],
      'Songyun First Screen',
    ),
    // The entry and the two chunks it imports (the Vue helper, the kiosk ports): a split that
    // adds a script fails here, naming the module, not only in firstScreen.spec's e2e run.
    firstScreenScriptBudget(3),
  ],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
  },
  server: { port: 5173 },
})
