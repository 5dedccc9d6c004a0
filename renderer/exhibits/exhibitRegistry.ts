import type { ExhibitComponentRegistry } from './exhibitComponent'

/**
 * Every exhibit kind's component, as a lazy chunk. Adding a kind to the manifest schema without
 * a component here fails to compile.
 */
export const exhibitComponents: ExhibitComponentRegistry = {
  'woodblock-printing': () =>
    import('./woodblockPrinting/WoodblockExhibit.vue').then((m) => m.default),
  'tea-whisking': () => import('./teaWhisking/TeaExhibit.vue').then((m) => m.default),
  'folk-music': () => import('./folkMusic/FolkMusicExhibit.vue').then((m) => m.default),
}
