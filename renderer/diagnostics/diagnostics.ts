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

interface Probes {
  state: () => Pick<Diagnostics, 'screen' | 'language' | 'mode' | 'exhibit'>
  webgl: (() => WebglCounts | null) | undefined
  audio: (() => AudioCounts) | undefined
  station: (() => string | null) | undefined
}

const probes: Probes = {
  state: () => ({ screen: 'attract', language: 'zh-CN', mode: 'open', exhibit: null }),
  webgl: undefined,
  audio: undefined,
  station: undefined,
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
    songyun?: { diagnostics: () => Diagnostics }
  }
}

/** Installs `window.songyun.diagnostics`. */
export function installDiagnostics(): void {
  window.songyun = { ...window.songyun, diagnostics: readDiagnostics }
}
