import type { ExhibitKind } from '../../src/pack/manifestSchema'
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

/**
 * What a kind's first frame would otherwise wait on and the menu can make while it is idle
 * (renderer/startup/exhibitWarmUps.ts): resolves to the steps, each short enough for one idle
 * period. Nothing here may hold a GPU object while the menu shows: a scene prepared in the
 * page's WebGL context is disposed before its step resolves (`SceneDrawing.prepare`).
 */
export const exhibitPreparations: Partial<
  Record<ExhibitKind, () => Promise<readonly (() => Promise<void>)[]>>
> = {
  // The tea table built and drawn once, unseen, in the context it will be shown in, so its
  // programs and a software rasteriser's pipelines are made before the tap (bench tea-scene: the
  // first open's first frame). Drawn in the scene worker, the worker makes the painted pictures
  // and the table's light too, off the page's main thread; on the page's own host (no worker
  // drawing) the menu makes them here first, in idle slices (teaTablePictures.ts).
  'tea-whisking': async () => {
    const { pageHostedSceneHost, isDrawnInWorker } = await import('../scenes/pageHostedSceneHost')
    const hostSteps = [
      async () => {
        pageHostedSceneHost()
      },
      () => pageHostedSceneHost().prepare('tea-whisking'),
    ]
    if (isDrawnInWorker()) return hostSteps
    const { teaTablePictures } = await import('./teaWhisking/scene/teaTablePictures')
    return [
      ...teaTablePictures.preparationSteps(window.innerWidth / Math.max(1, window.innerHeight)),
      ...hostSteps,
    ]
  },
}
