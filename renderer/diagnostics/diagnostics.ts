/**
 * `window.songyun.diagnostics()` of docs/kiosk-contract.md: what tests outside the project read. Owners of
 * live resources (the scene host, the audio owner) register probes here; this file imports
 * neither three nor howler, so the attract screen stays lean.
 */

/** What the live Three.js renderer reports (`renderer.info`). */
export interface WebglCounts {
  readonly geometries: number
  readonly textures: number
  readonly programs: number
  readonly calls: number
  /**
   * The drawing buffer's linear size against a still frame's (1 = full size; less while a finger
   * drags on a scene whose frames run slow, see renderer/scenes/interactiveResolution.ts).
   */
  readonly drawingScale?: number
  /**
   * Whether the picture on the canvas is a still frame's: drawn at full size and antialiased.
   * False while a finger drags (frames skip the software renderer's FXAA pass and may be drawn
   * smaller) and until the scene host redraws the frame once the touch has settled.
   */
  readonly isStillFrameShown?: boolean
}

/** The live Howl instances. */
export interface AudioCounts {
  readonly loaded: number
  readonly playing: number
}

export interface Diagnostics {
  readonly screen: string
  readonly language: string
  readonly mode: string
  readonly exhibit: string | null
  /** The active station's id in a stationed exhibit, else null. */
  readonly station: string | null
  readonly webgl: WebglCounts | null
  readonly audio: AudioCounts
}

/**
 * Loses and restores the WebGL context of the scene on screen, as a GPU reset would: the page's
 * own canvas cannot be asked once a worker draws on it (`transferControlToOffscreen`), so the
 * host that owns the context answers (the e2e resilience test; docs/kiosk-contract.md).
 */
export interface SceneContextControl {
  lose(): void
  restore(): void
  /** Whether the context is lost now (as its owner last reported). */
  isLost(): boolean
}

interface Probes {
  state: () => Pick<Diagnostics, 'screen' | 'language' | 'mode' | 'exhibit'>
  webgl: (() => WebglCounts | null) | undefined
  audio: (() => AudioCounts) | undefined
  station: (() => string | null) | undefined
  sceneContext: SceneContextControl | undefined
}

const probes: Probes = {
  state: () => ({ screen: 'attract', language: 'zh-CN', mode: 'open', exhibit: null }),
  webgl: undefined,
  audio: undefined,
  station: undefined,
  sceneContext: undefined,
}

/** The app state probe (screen, language, mode, exhibit). */
export function registerStateProbe(probe: Probes['state']): void {
  probes.state = probe
}

/** The scene host registers its renderer's counts; `undefined` when it is gone. */
export function registerWebglProbe(probe: Probes['webgl']): void {
  probes.webgl = probe
}

/** The audio owner registers its Howl counts. */
export function registerAudioProbe(probe: Probes['audio']): void {
  probes.audio = probe
}

/**
 * The exhibit frame registers the active station while an exhibit is open, and `undefined` when
 * it closes (diagnostics then report `station: null`).
 */
export function registerStationProbe(probe: Probes['station']): void {
  probes.station = probe
}

/** The scene host on screen registers how its context is lost and restored; `undefined` when gone. */
export function registerSceneContextControl(control: SceneContextControl | undefined): void {
  probes.sceneContext = control
}

/** The context control of the scene host on screen, or undefined before one is made. */
export function sceneContextControl(): SceneContextControl | undefined {
  return probes.sceneContext
}

export function readDiagnostics(): Diagnostics {
  return {
    ...probes.state(),
    station: probes.station?.() ?? null,
    webgl: probes.webgl?.() ?? null,
    audio: probes.audio?.() ?? { loaded: 0, playing: 0 },
  }
}

declare global {
  interface Window {
    songyun?: {
      diagnostics: () => Diagnostics
      /** Test hook: the scene host's WebGL context ({@link SceneContextControl}). */
      sceneContext?: () => SceneContextControl | undefined
    }
  }
}

/** Installs `window.songyun.diagnostics`. */
export function installDiagnostics(): void {
  window.songyun = {
    ...window.songyun,
    diagnostics: readDiagnostics,
    sceneContext: sceneContextControl,
  }
}
