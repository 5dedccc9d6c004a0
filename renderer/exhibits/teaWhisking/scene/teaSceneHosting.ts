import type { PourPhase } from '../../../../src/exhibits/teaWhisking/teaSession'
import type { HostedSceneKind } from '../../../scenes/hostedScene'
import { teaSceneFactory, type TeaScene, type TeaSceneListener } from './teaScene'

/** What the exhibit component shows of the tea table after each drawn frame. */
export interface TeaSceneState {
  readonly pourPhase: PourPhase
  readonly pourFillRatio: number | undefined
  /** Bytes of texture data the scene made (`TeaScene.textureBytes`). */
  readonly textureBytes: number
}

/** What the exhibit component may ask of the tea table. */
export type TeaSceneCalls = {
  /** Starts a fresh bowl (`TeaScene.restart`). */
  restart(): void
  /** The bowl from above for the keepsake (`TeaScene.bowlPicture`); the caller closes it. */
  bowlPicture(sizePx: number): ImageBitmap
}

const listenerMethods = [
  'stationActive',
  'stationComplete',
  'verdict',
  'anchors',
  'pourFill',
] as const satisfies readonly (keyof TeaSceneListener)[]

/** The tea table shown by name, in the scene worker or on the page (`hostedSceneKinds.ts`). */
export const teaSceneHosting: HostedSceneKind<TeaScene> = {
  factory: (emit) => {
    const listener = Object.fromEntries(
      listenerMethods.map((name) => [name, (...args: unknown[]) => emit(name, args)]),
    ) as unknown as TeaSceneListener
    return teaSceneFactory({ listener })
  },
  stateOf: (scene): TeaSceneState => ({
    pourPhase: scene.session.pourPhase,
    pourFillRatio: scene.session.pourFillRatio,
    textureBytes: scene.textureBytes,
  }),
  calls: {
    restart: (scene) => ({ value: scene.restart() }),
    bowlPicture: (scene, [sizePx]) => {
      const picture = scene.bowlPicture(sizePx as number)
      return { value: picture, transfer: [picture] }
    },
  },
}
