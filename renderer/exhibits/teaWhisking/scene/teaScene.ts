import { Color, PerspectiveCamera, Raycaster, Scene, Vector2, Vector3 } from 'three'
import { DisposableStore } from '../../../../src/lifecycle/disposable'
import { FoamSketch } from '../../../../src/exhibits/teaWhisking/foamSketch'
import {
  TeaSession,
  type TeaSessionListener,
} from '../../../../src/exhibits/teaWhisking/teaSession'
import type { TeaVerdict } from '../../../../src/exhibits/teaWhisking/teaVerdict'
import { WhiskStroke } from '../../../../src/exhibits/teaWhisking/whiskStroke'
import type { ExhibitScene, ExhibitSceneFactory, SceneContext } from '../../../scenes/exhibitScene'
import { pickOnHorizontalPlane } from '../../../scenes/horizontalPlanePick'
import type {
  ScenePointerInput,
  ScenePointerSample,
  ScenePointerSource,
} from '../../../scenes/scenePointerInput'
import { recordSceneStep } from '../../../scenes/sceneSteps'
import { screenLikeRenderTarget } from '../../../scenes/screenLikeRenderTarget'
import { textureByteSize, texturesOf } from '../../../scenes/textureByteSize'
import { BakedRoomLight } from './bakedRoomLightMaterial'
import { bowlHeightCm, bowlRimRadiusCm, innerRimRadiusCm, innerWallHeightAt } from './bowlProfile'
import { FoamSurface } from './foamSurface'
import { teaSetLayoutFor, type TeaSetLayout } from './teaSetLayout'
import { teaTablePictures } from './teaTablePictures'
import { frameTeaTable, stepVerdictSlide, verdictRoomOf } from './teaTableFraming'
import { buildTeaTable, caddyReachCm, ewerReachCm, type TeaTable } from './teaTableMeshes'

/** A longer gap between frames (a stall) pours no more than this many seconds' worth. */
const maximumFlowStepSeconds = 1
/** Seconds the picture takes to show the water line once its time has come. */
const waterLineRevealSeconds = 3
const sketchSize = 128
/** The stroke width of a finger on the foam, in surface radii. */
const drawingRadius = 0.07
/** How high above the surface the spout pours from, cm. */
const pourHeightCm = 4.5

/** A point on the screen in CSS pixels from the canvas's top-left. */
export interface ScreenPoint {
  readonly x: number
  readonly y: number
}

/** Where the things a visitor touches are on screen (for the exhibit component and its tests). */
export interface TeaScreenAnchors {
  readonly bowl: ScreenPoint & { readonly radiusXPx: number; readonly radiusYPx: number }
  readonly ewer: ScreenPoint
  readonly caddy: ScreenPoint
  /**
   * Whether the set is still sliding aside for the verdict's card (or back): the places above
   * hold for this frame only. A visitor's finger and a test's script touch the set once false.
   */
  readonly isSliding: boolean
}

/** What the scene reports to its exhibit component. */
export interface TeaSceneListener extends TeaSessionListener {
  anchors(anchors: TeaScreenAnchors): void
  /** Water went in: the current pour's fill against what it wants (`TeaSession.pourFillRatio`). */
  pourFill(ratio: number | undefined): void
}

export interface TeaSceneOptions {
  readonly listener: TeaSceneListener
}

/** The tea table scene, with the visitor's bowl. */
export interface TeaScene extends ExhibitScene {
  readonly session: TeaSession
  /**
   * Bytes of texture data the scene made (every texture it draws with, the baked room light and
   * the sketch included; width × height × bytes per texel × mip chain). The budget is 64 MB.
   */
  readonly textureBytes: number
  /** Starts a fresh bowl (from warming). */
  restart(): void
  /** Follows the visitor's reduced-motion switch (no steam drift, no creeping water line). */
  setReducedMotion(isReducedMotion: boolean): void
  /**
   * The bowl seen from straight above as it is now (the foam, its 咬盏 collar, whatever is drawn
   * on it), as a square `sizePx` picture for the keepsake: an ImageBitmap the caller owns (and
   * closes), which a worker can transfer to the page. Draws it off screen; the canvas is untouched.
   */
  bowlPicture(sizePx?: number): ImageBitmap
}

type TouchRole =
  | { kind: 'pour'; target: Vector3 | undefined; lastFlowMs: number }
  | { kind: 'whisk'; stroke: WhiskStroke }
  | { kind: 'draw'; last: Vector3 | undefined }

/** The factory the exhibit component hands to the scene host. Makes nothing until called. */
export function teaSceneFactory(options: TeaSceneOptions): ExhibitSceneFactory<TeaScene> {
  return async (context) => {
    // Usually made by the menu while it was idle (renderer/startup/exhibitWarmUps.ts), for the
    // screen's shape: the layout, and so the table's light, follows it (teaSetLayout.ts).
    const screenAspect = aspectOf(context.sizeCssPx)
    const picturesStartMs = performance.now()
    await teaTablePictures.prepare(screenAspect)
    recordSceneStep('tea-pictures', picturesStartMs)
    context.signal.throwIfAborted()
    const buildStartMs = performance.now()
    const scene = new TeaTableScene(
      context,
      options.listener,
      new BakedRoomLight(teaTablePictures),
      teaSetLayoutFor(screenAspect),
    )
    recordSceneStep('tea-table', buildStartMs)
    return scene
  }
}

/** A landscape kiosk's shape, for a stage whose size is not known yet. */
const unknownStageAspect = 16 / 9

/** Width / height of the stage the canvas is in. */
function aspectOf(sizeCssPx: SceneContext['sizeCssPx']): number {
  const isLaidOut = sizeCssPx.width > 0 && sizeCssPx.height > 0
  return isLaidOut ? sizeCssPx.width / sizeCssPx.height : unknownStageAspect
}

class TeaTableScene implements TeaScene {
  readonly scene = new Scene()
  readonly camera = new PerspectiveCamera(32, 1, 1, 400)
  readonly textureBytes: number
  readonly #renderer: SceneContext['renderer']
  #session: TeaSession
  readonly #store = new DisposableStore()
  readonly #table: TeaTable
  readonly #surface: FoamSurface
  readonly #sketch = new FoamSketch(sketchSize)
  readonly #touches = new Map<number, TouchRole>()
  readonly #raycaster = new Raycaster()
  #isReducedMotion: boolean
  #widthPx = 1
  #heightPx = 1
  #verdict: { verdict: TeaVerdict; ageSeconds: number } | undefined
  /** How far the wide framing has slid the set aside for the verdict's column (0–1). */
  #verdictSlide = 0
  #steamAgeSeconds: number | undefined
  #lastFadeMs: number | undefined
  /** The finger drew on the foam since the sketch texture was last written. */
  #isSketchDrawnOn = false
  /** Something outside `update` (a touch, a resize, a restart) may have changed the picture. */
  #isTouchedSinceUpdate = true
  /** What the foam surface showed at the last update (see `FoamSurface.pictureKey`). */
  #lastPictureKey = ''
  #isAtRest = false

  constructor(
    context: SceneContext,
    private readonly listener: TeaSceneListener,
    roomLight: BakedRoomLight,
    firstLayout: TeaSetLayout,
  ) {
    this.#store.add(roomLight)
    this.#isReducedMotion = context.isReducedMotion
    this.#renderer = context.renderer
    this.#session = this.#newSession()
    this.scene.background = new Color(0x140d09)
    // No lights and no PMREM environment: the room's image-based light (three's RoomEnvironment)
    // and the key light are baked into roomLight.png once (scripts/bakeTeaRoomLight.mjs), because
    // compiling the environment-sampling shader held a software renderer's first frame for seconds.
    this.#table = buildTeaTable(this.#store, roomLight, teaTablePictures, firstLayout)
    this.scene.add(this.#table.root)
    this.#surface = new FoamSurface(this.#store, sketchSize)
    this.#table.bowl.add(this.#surface.mesh)
    // Sizes are fixed once built: count them now, not per frame.
    this.textureBytes = [...texturesOf(this.scene)].reduce(
      (sum, texture) => sum + textureByteSize(texture),
      0,
    )
  }

  get session(): TeaSession {
    return this.#session
  }

  connect(input: ScenePointerSource): void {
    this.#store.add(
      input.subscribe((event) => {
        if (event.kind === 'down') this.#pointerDown(event)
        else if (event.kind === 'move') this.#pointerMove(event)
        else this.#pointerUp(event)
      }),
    )
    this.#isTouchedSinceUpdate = true
    this.#session.start()
  }

  setReducedMotion(isReducedMotion: boolean): void {
    this.#isReducedMotion = isReducedMotion
    if (isReducedMotion) this.#steamAgeSeconds = undefined
    this.#isTouchedSinceUpdate = true
  }

  isAtRest(): boolean {
    return this.#isAtRest
  }

  restart(): void {
    for (const pointerId of [...this.#touches.keys()]) this.#release(pointerId)
    this.#sketch.clear()
    this.#surface.showSketch(this.#sketch)
    this.#verdict = undefined
    this.listener.anchors(this.screenAnchors())
    this.#session = this.#newSession()
    this.#session.start()
    this.#isTouchedSinceUpdate = true
  }

  update(deltaSeconds: number, elapsedSeconds: number): void {
    const session = this.#session
    const nowMs = performance.now()
    for (const role of this.#touches.values()) if (role.kind === 'pour') this.#flow(role, nowMs)
    session.advance(deltaSeconds)

    let waterLine = 0
    if (this.#verdict) {
      this.#verdict.ageSeconds += deltaSeconds
      const overdue = this.#verdict.ageSeconds - this.#verdict.verdict.waterLineSeconds
      waterLine =
        overdue <= 0 ? 0 : this.#isReducedMotion ? 1 : Math.min(1, overdue / waterLineRevealSeconds)
    }
    // The picture fades by the clock too: on a slow renderer it is gone as soon as on a fast one.
    const fadeSeconds = (nowMs - (this.#lastFadeMs ?? nowMs)) / 1000
    this.#lastFadeMs = nowMs
    const hasFaded = this.#sketch.fade(fadeSeconds)
    const isSketchChanged = hasFaded || this.#isSketchDrawnOn
    if (isSketchChanged) this.#surface.showSketch(this.#sketch)
    this.#isSketchDrawnOn = false
    this.#surface.show(session.foam.state, waterLine, elapsedSeconds)
    this.#table.powderInCaddy.visible = !session.foam.state.hasPowder
    this.#updateSteam(deltaSeconds)
    this.#updateStream()
    const isWhiskPutAway = this.#putWhiskAwayWhenDone()
    const isFramingMoving = this.#slideForVerdict(deltaSeconds)

    // At rest when no finger is down, nothing animates and the foam looks as it did: the host
    // then keeps the last picture instead of drawing the same one again.
    const pictureKey = this.#surface.pictureKey
    const isMoving =
      this.#touches.size > 0 ||
      this.#table.steam.visible ||
      isSketchChanged ||
      isFramingMoving ||
      isWhiskPutAway
    this.#isAtRest = !isMoving && !this.#isTouchedSinceUpdate && pictureKey === this.#lastPictureKey
    this.#lastPictureKey = pictureKey
    this.#isTouchedSinceUpdate = false
  }

  resize(widthCssPx: number, heightCssPx: number): void {
    this.#widthPx = Math.max(1, widthCssPx)
    this.#heightPx = Math.max(1, heightCssPx)
    // The set is laid out for the screen's shape and framed whole (teaTableFraming.ts).
    this.#frame()
    this.#isTouchedSinceUpdate = true
  }

  #frame(): void {
    const room = verdictRoomOf(this.#verdictSlide)
    frameTeaTable(this.camera, this.#table, this.#widthPx, this.#heightPx, room)
    this.listener.anchors(this.screenAnchors())
  }

  /**
   * Slides the set aside while the verdict's card comes and back when it goes (a wide screen
   * keeps the set centred until then; teaTableFraming.ts). True while it moves.
   */
  #slideForVerdict(deltaSeconds: number): boolean {
    const slide = stepVerdictSlide(
      this.#verdictSlide,
      this.#verdict !== undefined,
      deltaSeconds,
      this.#isReducedMotion,
    )
    if (slide === this.#verdictSlide) return false
    this.#verdictSlide = slide
    this.#frame()
    return true
  }

  bowlPicture(sizePx = 512): ImageBitmap {
    const renderer = this.#renderer
    // An OffscreenCanvas: the scene may be drawn in a worker, where there is no document.
    const picture = new OffscreenCanvas(sizePx, sizePx)
    const context = picture.getContext('2d')
    if (!context) throw new Error('the bowl picture needs a 2D canvas')
    const rimY = this.#table.bowl.position.y + bowlHeightCm
    const camera = new PerspectiveCamera(30, 1, 1, 200)
    const distanceCm = (bowlRimRadiusCm * 1.12) / Math.tan((15 * Math.PI) / 180)
    camera.position.set(0, rimY + distanceCm, 0.001)
    camera.lookAt(0, rimY, 0)
    camera.updateMatrixWorld()
    // Strokes drawn since the last frame are uploaded once a frame in `update`: a finger lifted
    // and the picture asked for before that frame would miss the last of them.
    if (this.#isSketchDrawnOn) this.#surface.showSketch(this.#sketch)
    // The ewer and whisk may hang over the bowl mid-gesture: the picture is of the bowl alone.
    const { ewer, whisk, stream, steam } = this.#table
    const shown = [ewer, whisk, stream, steam].map((part) => part.visible)
    for (const part of [ewer, whisk, stream, steam]) part.visible = false
    // Drawn into a target of the frames' own format, tone-mapped and encoded as on screen
    // (screenLikeRenderTarget): the canvas keeps its size and picture, and a software
    // rasteriser makes no second set of pipelines for another framebuffer format.
    const target = screenLikeRenderTarget(sizePx, sizePx)
    const previousTarget = renderer.getRenderTarget()
    const bytes = new Uint8Array(sizePx * sizePx * 4)
    try {
      renderer.setRenderTarget(target)
      renderer.render(this.scene, camera)
      renderer.readRenderTargetPixels(target, 0, 0, sizePx, sizePx, bytes)
    } finally {
      renderer.setRenderTarget(previousTarget)
      target.dispose()
      ;[ewer, whisk, stream, steam].forEach((part, i) => (part.visible = shown[i]!))
    }
    // The target's rows run bottom-up; the picture's top-down.
    const image = context.createImageData(sizePx, sizePx)
    const rowBytes = sizePx * 4
    for (let row = 0; row < sizePx; row++) {
      const from = (sizePx - 1 - row) * rowBytes
      image.data.set(bytes.subarray(from, from + rowBytes), row * rowBytes)
    }
    context.putImageData(image, 0, 0)
    return picture.transferToImageBitmap()
  }

  /** Where the bowl, ewer and caddy are on screen now. */
  screenAnchors(): TeaScreenAnchors {
    const rimY = this.#table.bowl.position.y + bowlHeightCm - 0.6
    const centre = this.#toScreen(new Vector3(0, rimY, 0))
    const side = this.#toScreen(new Vector3(bowlRimRadiusCm - 0.6, rimY, 0))
    const front = this.#toScreen(new Vector3(0, rimY, bowlRimRadiusCm - 0.6))
    return {
      bowl: {
        ...centre,
        radiusXPx: Math.abs(side.x - centre.x),
        radiusYPx: Math.abs(front.y - centre.y),
      },
      ewer: this.#toScreen(this.#table.places.ewerHome.clone().add(new Vector3(0, 6, 0))),
      caddy: this.#toScreen(this.#table.places.caddy.clone().add(new Vector3(0, 2, 0))),
      isSliding: this.#verdictSlide !== (this.#verdict ? 1 : 0),
    }
  }

  dispose(): void {
    this.#touches.clear()
    this.#store.dispose()
  }

  #newSession(): TeaSession {
    return new TeaSession({
      stationActive: (id) => this.listener.stationActive(id),
      stationComplete: (id) => this.listener.stationComplete(id),
      verdict: (verdict) => {
        this.#verdict = { verdict, ageSeconds: 0 }
        // The set is about to slide: say so before the verdict shows, so no one reads the
        // places of the frame before the slide as where the set rests.
        this.listener.anchors(this.screenAnchors())
        this.listener.verdict(verdict)
      },
    })
  }

  #toScreen(world: Vector3): ScreenPoint {
    const ndc = world.clone().project(this.camera)
    return { x: ((ndc.x + 1) / 2) * this.#widthPx, y: ((1 - ndc.y) / 2) * this.#heightPx }
  }

  #eventPoint(sample: ScenePointerSample): ScreenPoint {
    return { x: sample.xCssPx, y: sample.yCssPx }
  }

  /** Where the finger's ray meets the horizontal plane at the surface, in the bowl's frame. */
  #pointOnSurface(point: ScreenPoint): Vector3 | undefined {
    return this.#pointAtHeight(point, this.#table.bowl.position.y + this.#surface.heightCm)
  }

  /**
   * Where the spout is when the finger holds the ewer at `point`: over the rim's plane, so the
   * stream falls straight below the finger, as the visitor sees it against the bowl's edge.
   */
  #pointUnderSpout(point: ScreenPoint): Vector3 | undefined {
    return this.#pointAtHeight(point, this.#table.bowl.position.y + bowlHeightCm)
  }

  #pointAtHeight(point: ScreenPoint, heightCm: number): Vector3 | undefined {
    const ndc = new Vector2((point.x / this.#widthPx) * 2 - 1, 1 - (point.y / this.#heightPx) * 2)
    const hit = pickOnHorizontalPlane(this.#raycaster, this.camera, ndc, heightCm, new Vector3())
    return hit ? new Vector3(hit.x, 0, hit.z) : undefined
  }

  #isNear(point: ScreenPoint, world: Vector3, reachCm: number): boolean {
    const centre = this.#toScreen(world)
    const edge = this.#toScreen(world.clone().add(new Vector3(reachCm, 0, 0)))
    return Math.hypot(point.x - centre.x, point.y - centre.y) <= Math.abs(edge.x - centre.x)
  }

  #pointerDown(event: ScenePointerInput): void {
    this.#isTouchedSinceUpdate = true
    if (this.#touches.has(event.pointerId)) return
    const point = this.#eventPoint(event)
    const session = this.#session
    const ewerCentre = this.#table.ewer.position.clone().add(new Vector3(0, 6, 0))
    if (this.#isNear(point, ewerCentre, ewerReachCm) && session.beginPour()) {
      this.#touches.set(event.pointerId, {
        kind: 'pour',
        target: undefined,
        lastFlowMs: performance.now(),
      })
      return
    }
    const caddyCentre = this.#table.places.caddy.clone().add(new Vector3(0, 2, 0))
    if (this.#isNear(point, caddyCentre, caddyReachCm)) {
      session.tapPowder()
      return
    }
    const onSurface = this.#pointOnSurface(point)
    const rimRadius = bowlRimRadiusCm * 1.1
    if (!onSurface || Math.hypot(onSurface.x, onSurface.z) > rimRadius) return
    if (session.station === 'warm-bowl') {
      if (session.tapBowl() && !this.#isReducedMotion) this.#steamAgeSeconds = 0
      return
    }
    if (session.station === 'draw') {
      this.#touches.set(event.pointerId, { kind: 'draw', last: undefined })
      this.#drawAt(event.pointerId, onSurface)
      return
    }
    const stroke = new WhiskStroke()
    stroke.begin(this.#strokeSample(onSurface, event))
    this.#touches.set(event.pointerId, { kind: 'whisk', stroke })
    this.#placeWhisk(onSurface)
  }

  #pointerMove(event: ScenePointerInput): void {
    if (!this.#touches.has(event.pointerId)) return
    // The browser delivers one move per frame and keeps the ones in between as coalesced
    // samples; on a slow frame a whole back-and-forth stroke hides in them, so read them all.
    for (const sample of event.coalesced) this.#moveTo(event.pointerId, sample)
  }

  #moveTo(pointerId: number, sample: ScenePointerSample): void {
    const role = this.#touches.get(pointerId)
    if (!role) return
    const point = this.#eventPoint(sample)
    if (role.kind === 'pour') {
      const underSpout = this.#pointUnderSpout(point)
      if (!underSpout) return
      // The water up to now fell where the stream was; a quick sweep round the rim between two
      // slow frames still wets every part of the ring it passed over.
      this.#flow(role, performance.now())
      role.target = underSpout
      this.#flow(role, performance.now()) // marks where the stream now lands
      return
    }
    const onSurface = this.#pointOnSurface(point)
    if (!onSurface) return
    if (role.kind === 'whisk') {
      const input = role.stroke.move(this.#strokeSample(onSurface, sample))
      if (input) this.#session.whisk(input)
      this.#placeWhisk(onSurface)
    } else {
      this.#drawAt(pointerId, onSurface)
    }
  }

  /** Pours the water that has flowed since the role's last flow, where its stream lands. */
  #flow(role: Extract<TouchRole, { kind: 'pour' }>, nowMs: number): void {
    // Water flows by the clock, not by frames, so a slow frame rate pours no less.
    const flowSeconds = Math.min(maximumFlowStepSeconds, (nowMs - role.lastFlowMs) / 1000)
    role.lastFlowMs = nowMs
    if (!role.target || !this.#session.foam.isPouring) return
    const distanceCm = Math.hypot(role.target.x, role.target.z)
    // Outside the rim the water misses the bowl. Between the liquid's edge and the rim it runs
    // down the wall into the edge of the tea: the first pour's "ring round the bowl's side".
    if (distanceCm > innerRimRadiusCm) return
    this.#session.pourFor(
      flowSeconds,
      Math.min(1, distanceCm / this.#surface.liquidRadiusCm),
      Math.atan2(-role.target.z, role.target.x),
    )
    this.listener.pourFill(this.#session.pourFillRatio)
  }

  #pointerUp(event: ScenePointerInput): void {
    this.#isTouchedSinceUpdate = true
    this.#release(event.pointerId)
  }

  #release(pointerId: number): void {
    const role = this.#touches.get(pointerId)
    if (!role) return
    this.#touches.delete(pointerId)
    if (role.kind === 'pour') {
      this.#flow(role, performance.now())
      this.#session.endPour()
      this.#table.ewer.position.copy(this.#table.places.ewerHome)
      this.#table.ewer.rotation.set(0, 0, 0)
    } else if (role.kind === 'whisk') {
      // Between strokes of a pour the whisk stays standing in the foam, as a hand that pauses
      // leaves it; it goes back to its place once the ewer is wanted (#putWhiskAwayWhenDone).
      role.stroke.end()
    } else {
      this.#session.endDrawing()
    }
  }

  #strokeSample(onSurface: Vector3, sample: ScenePointerSample) {
    // In the model's bowl radii: the liquid's, so a risen foam does not slow the whisk's measure.
    const radius = this.#surface.liquidRadiusCm
    return {
      x: onSurface.x / radius,
      y: onSurface.z / radius,
      timeMs: sample.timeStampMs,
      pressure: sample.pressure,
    }
  }

  #drawAt(pointerId: number, onSurface: Vector3): void {
    const role = this.#touches.get(pointerId)
    if (role?.kind !== 'draw') return
    const radius = this.#surface.radiusCm
    const from = role.last ?? onSurface
    const steps = Math.max(
      1,
      Math.ceil(from.distanceTo(onSurface) / (radius * drawingRadius * 0.5)),
    )
    for (let i = 1; i <= steps; i++) {
      const p = from.clone().lerp(onSurface, i / steps)
      this.#sketch.paint(p.x / radius, -p.z / radius, drawingRadius)
    }
    this.#session.draw(from.distanceTo(onSurface) / radius)
    role.last = onSurface
    // Uploaded once a frame in `update`, however many coalesced samples drew this frame.
    this.#isSketchDrawnOn = true
  }

  #placeWhisk(onSurface: Vector3): void {
    const bowlY = this.#table.bowl.position.y + this.#surface.heightCm
    const limit = this.#surface.radiusCm * 0.75
    const r = Math.hypot(onSurface.x, onSurface.z)
    const scale = r > limit ? limit / r : 1
    this.#table.whisk.position.set(onSurface.x * scale, bowlY - 0.3, onSurface.z * scale)
    this.#table.whisk.rotation.set(0.12, 0, -0.15)
  }

  /**
   * Puts the whisk back in its place unless a finger holds it or this pour is still being
   * whisked (it rests in the foam between strokes); true when it moved.
   */
  #putWhiskAwayWhenDone(): boolean {
    const session = this.#session
    const isHeld = [...this.#touches.values()].some((role) => role.kind === 'whisk')
    const isPourWhisked = session.isPourStation && session.pourPhase === 'whisk'
    const { whisk, places } = this.#table
    if (isHeld || isPourWhisked || whisk.position.equals(places.whiskHome)) return false
    whisk.position.copy(places.whiskHome)
    whisk.rotation.set(0, 0, 0)
    return true
  }

  #updateStream(): void {
    const pour = [...this.#touches.values()].find((role) => role.kind === 'pour')
    const { ewer, stream, ewerSpoutTip } = this.#table
    if (!pour || pour.kind !== 'pour' || !pour.target) {
      stream.visible = false
      return
    }
    const bowlY = this.#table.bowl.position.y
    const surfaceY = bowlY + this.#surface.heightCm
    const tip = new Vector3(pour.target.x, surfaceY + pourHeightCm, pour.target.z)
    ewer.rotation.set(0, 0, 0.7)
    ewer.position.copy(tip).sub(ewerSpoutTip.clone().applyEuler(ewer.rotation))
    // The stream ends on the liquid, or on the wall where it strikes the wall above it.
    const distanceCm = Math.hypot(pour.target.x, pour.target.z)
    const landingY =
      distanceCm <= this.#surface.radiusCm ? surfaceY : bowlY + innerWallHeightAt(distanceCm)
    stream.position.copy(tip)
    stream.scale.set(1, Math.max(0.1, tip.y - landingY), 1)
    stream.visible = distanceCm <= innerRimRadiusCm
  }

  #updateSteam(deltaSeconds: number): void {
    const steam = this.#table.steam
    if (this.#steamAgeSeconds === undefined) {
      steam.visible = false
      return
    }
    this.#steamAgeSeconds += deltaSeconds
    const t = this.#steamAgeSeconds / 2.5
    if (t >= 1) {
      this.#steamAgeSeconds = undefined
      steam.visible = false
      return
    }
    steam.visible = true
    steam.position.set(0, this.#table.bowl.position.y + bowlHeightCm + 1 + t * 5, 0)
    steam.quaternion.copy(this.camera.quaternion)
    const material = steam.material as { opacity: number }
    material.opacity = 0.35 * Math.sin(Math.PI * t)
  }
}
