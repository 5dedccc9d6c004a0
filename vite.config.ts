import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// The renderer is built into out/renderer and served by both shells (app:// and the web host).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [vue()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
  },
  server: { port: 5173 },
})
