import type { HostedSceneKind, HostedSceneName } from './hostedScene'

/**
 * Every scene a host can show by name, each a lazy chunk so the worker and the page load only
 * the exhibit asked for. Adding a name without its kind here fails to compile.
 */
const kindLoaders: Record<HostedSceneName, () => Promise<HostedSceneKind>> = {
  'tea-whisking': () =>
    import('../exhibits/teaWhisking/scene/teaSceneHosting').then(
      (m) => m.teaSceneHosting as unknown as HostedSceneKind,
    ),
  'woodblock-printing': () =>
    import('../exhibits/woodblockPrinting/scene/woodblockSceneHosting').then(
      (m) => m.woodblockSceneHosting as unknown as HostedSceneKind,
    ),
}

/** The kind of the scene called `name`. */
export function loadHostedSceneKind(name: HostedSceneName): Promise<HostedSceneKind> {
  return kindLoaders[name]()
}
