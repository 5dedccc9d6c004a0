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
 * page's WebGL context is disposed before its step resolves (`SceneHost.prepare`).
 */
export const exhibitPreparations: Partial<
  Record<ExhibitKind, () => Promise<readonly (() => Promise<void>)[]>>
> = {
  // The tea table's painted pictures, its decoded room light and the table's light for the
  // layout this screen's shape takes (teaTablePictures.ts); then the page's WebGL context, and
  // the table built and drawn once in it, unseen, so its programs and a software rasteriser's
  // pipelines are made before the tap (bench tea-scene: the first open's first frame).
  'tea-whisking': async () => {
    const [{ teaTablePictures }, { teaScenePreparation }, { pageSceneHost }] = await Promise.all([
      import('./teaWhisking/scene/teaTablePictures'),
      import('./teaWhisking/scene/teaScene'),
      import('../scenes/pageSceneHost'),
    ])
    return [
      ...teaTablePictures.preparationSteps(window.innerWidth / Math.max(1, window.innerHeight)),
      async () => {
        pageSceneHost()
      },
      () => pageSceneHost().prepare('tea-whisking', teaScenePreparation()),
    ]
  },
}
