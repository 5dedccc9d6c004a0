import {
  CatmullRomCurve3,
  CylinderGeometry,
  Group,
  LatheGeometry,
  Mesh,
  MeshBasicMaterial,
  PlaneGeometry,
  SphereGeometry,
  TubeGeometry,
  Vector2,
  Vector3,
  type BufferGeometry,
  type Material,
  type Texture,
} from 'three'
import type { DisposableStore } from '../../../../src/lifecycle/disposable'
import type { BakedRoomLight } from './bakedRoomLightMaterial'
import { buildTableTop } from './tableTop'
import { jianBowlProfile, type ProfilePoint } from './bowlProfile'
import {
  hareFurTextures,
  softPuffTexture,
  tableWoodTexture,
  whiskTinesTexture,
} from './teaTextures'

/** Height of the lacquer stand (盏托) the bowl sits in, cm. */
export const standHeightCm = 2.4
/** Where things stand on the table (cm; the bowl's axis is the origin). */
export const ewerHomePosition = new Vector3(12.5, 0, -1.5)
export const caddyPosition = new Vector3(-11, 0, -4.5)
export const whiskHomePosition = new Vector3(-9, 0, 6)
/** Radius used to hit-test the ewer and caddy, cm. */
export const ewerReachCm = 5.5
export const caddyReachCm = 4

/** The table's meshes, and the parts the scene moves. */
export interface TeaTable {
  readonly root: Group
  /** The bowl and stand; the foam surface goes inside `bowl`. */
  readonly bowl: Group
  readonly ewer: Group
  /** The spout's tip in the ewer's local space. */
  readonly ewerSpoutTip: Vector3
  readonly whisk: Group
  readonly caddy: Group
  readonly powderInCaddy: Mesh
  /** The water stream, a unit-tall cylinder hanging down from its origin. */
  readonly stream: Mesh
  /** A soft puff of steam above the bowl (for the warming rinse). */
  readonly steam: Mesh
}

const lathePoints = (points: readonly ProfilePoint[]) => points.map((p) => new Vector2(p.r, p.y))

/**
 * Builds the table, every lit surface under the baked room light; every geometry, material and
 * texture is added to `store` (`roomLight` is the caller's).
 */
export function buildTeaTable(store: DisposableStore, roomLight: BakedRoomLight): TeaTable {
  const geometry = <G extends BufferGeometry>(g: G) => store.add(g)
  const material = <M extends Material>(m: M) => store.add(m)
  const texture = <T extends Texture>(t: T) => store.add(t)
  const root = new Group()

  // Table top and soft contact shadows.
  const wood = texture(tableWoodTexture())
  root.add(buildTableTop(store, wood))
  const puff = texture(softPuffTexture())
  const shadowMaterial = material(
    new MeshBasicMaterial({
      color: 0x000000,
      alphaMap: puff,
      transparent: true,
      opacity: 0.55,
      depthWrite: false,
    }),
  )
  const shadowGeometry = geometry(new PlaneGeometry(1, 1))
  for (const [x, z, size] of [
    [0, 0, 17],
    [ewerHomePosition.x, ewerHomePosition.z, 12],
    [caddyPosition.x, caddyPosition.z, 8],
    [whiskHomePosition.x, whiskHomePosition.z, 6],
  ] as const) {
    const shadow = new Mesh(shadowGeometry, shadowMaterial)
    shadow.rotation.x = -Math.PI / 2
    shadow.position.set(x, 0.02, z)
    shadow.scale.setScalar(size)
    root.add(shadow)
  }

  // The stand (盏托): dark red lacquer, a saucer with a raised ring that holds the bowl's foot.
  const bowl = new Group()
  const standProfile: ProfilePoint[] = [
    { r: 0, y: 0.3 },
    { r: 2.6, y: 0.3 },
    { r: 2.8, y: 0 },
    { r: 3.2, y: 0 },
    { r: 3.1, y: 1.2 },
    { r: 5.6, y: 1.35 },
    { r: 6.4, y: 1.6 },
    { r: 6.3, y: 1.75 },
    { r: 4.9, y: 1.55 },
    { r: 2.8, y: 1.7 },
    { r: 2.7, y: standHeightCm },
    { r: 2.35, y: standHeightCm },
    { r: 2.2, y: 1.8 },
    { r: 0, y: 1.8 },
  ]
  // Old cinnabar lacquer darkened by use: a deep red-brown with a soft, wide sheen, not a gloss.
  const lacquer = material(
    roomLight.material({ colour: 0x46170e, sheen: 'lacquer', sheenColour: 0xa8887a }),
  )
  root.add(new Mesh(geometry(new LatheGeometry(lathePoints(standProfile), 64)), lacquer))

  // The Jian bowl.
  const { points, rimV, footTopV } = jianBowlProfile()
  const glaze = hareFurTextures(rimV, footTopV)
  texture(glaze.colour)
  texture(glaze.gloss)
  const bowlMaterial = material(
    roomLight.material({
      colour: 0xffffff,
      map: glaze.colour,
      sheen: 'glaze',
      sheenColour: 0x8a847c,
      sheenMap: glaze.gloss,
    }),
  )
  const bowlMesh = new Mesh(geometry(new LatheGeometry(lathePoints(points), 128)), bowlMaterial)
  bowl.add(bowlMesh)
  bowl.position.y = standHeightCm - 0.55
  root.add(bowl)

  // The ewer (汤瓶): matte, hand-beaten silver (not chrome), a tall neck, and the long spout
  // 大观茶论·瓶 asks for, curving up towards the bowl (−x) so the stream is tight.
  const silver = material(
    roomLight.material({
      colour: 0x6a665e,
      diffuseWeight: 0.3,
      sheen: 'silver',
      sheenColour: 0x86817a,
    }),
  )
  const ewer = new Group()
  const ewerProfile: ProfilePoint[] = [
    { r: 0, y: 0 },
    { r: 2.6, y: 0 },
    { r: 2.7, y: 0.4 },
    { r: 2.5, y: 0.6 },
    { r: 3.6, y: 2.5 },
    { r: 4.2, y: 4.5 },
    { r: 4.0, y: 6.2 },
    { r: 2.9, y: 7.8 },
    { r: 1.3, y: 9.0 },
    { r: 1.1, y: 12.5 },
    { r: 1.6, y: 13.6 },
    { r: 1.45, y: 13.7 },
    { r: 0.9, y: 12.8 },
    { r: 0, y: 12.8 },
  ]
  ewer.add(new Mesh(geometry(new LatheGeometry(lathePoints(ewerProfile), 48)), silver))
  const spoutCurve = new CatmullRomCurve3([
    new Vector3(-3.6, 5.0, 0),
    new Vector3(-5.6, 6.6, 0),
    new Vector3(-7.4, 9.2, 0),
    new Vector3(-8.8, 12.2, 0),
  ])
  ewer.add(new Mesh(geometry(new TubeGeometry(spoutCurve, 24, 0.4, 12, false)), silver))
  const handleCurve = new CatmullRomCurve3([
    new Vector3(1.1, 11.5, 0),
    new Vector3(4.2, 11.8, 0),
    new Vector3(5.6, 8.2, 0),
    new Vector3(3.9, 4.6, 0),
  ])
  ewer.add(new Mesh(geometry(new TubeGeometry(handleCurve, 24, 0.38, 8, false)), silver))
  ewer.position.copy(ewerHomePosition)
  root.add(ewer)
  const ewerSpoutTip = new Vector3(-8.9, 12.4, 0)

  // The water stream: a thin cylinder hanging from its origin (scaled to the fall's length).
  const streamGeometry = geometry(new CylinderGeometry(0.13, 0.16, 1, 10, 1, true))
  streamGeometry.translate(0, -0.5, 0)
  const stream = new Mesh(
    streamGeometry,
    material(
      roomLight.material({
        colour: 0xdfe6e4,
        diffuseWeight: 0.4,
        sheen: 'glaze',
        sheenColour: 0xffffff,
        opacity: 0.7,
      }),
    ),
  )
  stream.visible = false
  root.add(stream)

  // The whisk (茶筅): a bamboo handle and a bulb of split tines, tines down.
  const bamboo = material(
    roomLight.material({ colour: 0xb89a64, sheen: 'lacquer', sheenColour: 0x3a3428 }),
  )
  const whisk = new Group()
  const handleProfile: ProfilePoint[] = [
    { r: 0, y: 5.2 },
    { r: 0.95, y: 5.2 },
    { r: 1.0, y: 9.8 },
    { r: 0.85, y: 10.2 },
    { r: 0, y: 10.2 },
  ]
  whisk.add(new Mesh(geometry(new LatheGeometry(lathePoints(handleProfile), 24)), bamboo))
  const tinesProfile: ProfilePoint[] = [
    { r: 0.2, y: 0 },
    { r: 1.2, y: 0.4 },
    { r: 1.85, y: 1.6 },
    { r: 1.9, y: 3.0 },
    { r: 1.4, y: 4.4 },
    { r: 1.0, y: 5.3 },
  ]
  const tinesMap = texture(whiskTinesTexture())
  // The tines are drawn as fine light-and-shade stripes on a solid bulb, not cut out with an
  // alpha test: cut-outs thinner than a pixel break into flickering dots at a distance, while
  // stripes average to the bamboo's own colour there and read as split tines up close.
  const tines = material(
    roomLight.material({
      colour: 0xffffff,
      map: tinesMap,
      sheen: 'lacquer',
      sheenColour: 0x2a2620,
      isDoubleSided: true,
    }),
  )
  whisk.add(new Mesh(geometry(new LatheGeometry(lathePoints(tinesProfile), 64)), tines))
  whisk.position.copy(whiskHomePosition)
  root.add(whisk)

  // The tea caddy (茶盒): a black lacquer box with its lid set aside, green-white powder inside.
  const blackLacquer = material(
    roomLight.material({ colour: 0x1c1614, sheen: 'glaze', sheenColour: 0x5a5048 }),
  )
  const caddy = new Group()
  const caddyProfile: ProfilePoint[] = [
    { r: 0, y: 0 },
    { r: 2.6, y: 0 },
    { r: 2.7, y: 0.3 },
    { r: 2.7, y: 3.0 },
    { r: 2.45, y: 3.0 },
    { r: 2.45, y: 0.4 },
    { r: 0, y: 0.4 },
  ]
  caddy.add(new Mesh(geometry(new LatheGeometry(lathePoints(caddyProfile), 40)), blackLacquer))
  const powder = material(
    roomLight.material({ colour: 0xb9c48c, sheen: 'lacquer', sheenColour: 0x000000 }),
  )
  const powderInCaddy = new Mesh(geometry(new CylinderGeometry(2.4, 2.4, 0.2, 40)), powder)
  powderInCaddy.position.y = 2.4
  caddy.add(powderInCaddy)
  caddy.position.copy(caddyPosition)
  root.add(caddy)

  // The tea spoon (茶匙) beside the caddy: 大观茶论 asks for a heavy one, gold at best, silver or
  // iron in common use. A slim silver handle and a shallow bowl, lying on the table.
  const spoon = new Group()
  const spoonHandle = new Mesh(geometry(new CylinderGeometry(0.16, 0.22, 8.5, 10)), silver)
  spoonHandle.rotation.z = Math.PI / 2
  spoonHandle.position.set(4.25, 0, 0)
  const spoonBowl = new Mesh(geometry(new SphereGeometry(1, 16, 8)), silver)
  spoonBowl.scale.set(1.1, 0.28, 0.75)
  spoon.add(spoonHandle, spoonBowl)
  // In front of the caddy, its bowl towards the tea bowl and its handle to the left.
  spoon.position.set(caddyPosition.x + 3, 0.25, caddyPosition.z + 3.9)
  spoon.rotation.y = Math.PI - 0.15
  root.add(spoon)

  // Steam of the warming rinse.
  const steam = new Mesh(
    geometry(new PlaneGeometry(8, 8)),
    material(
      new MeshBasicMaterial({
        color: 0xffffff,
        alphaMap: puff,
        transparent: true,
        opacity: 0,
        depthWrite: false,
      }),
    ),
  )
  steam.visible = false
  root.add(steam)

  return { root, bowl, ewer, ewerSpoutTip, whisk, caddy, powderInCaddy, stream, steam }
}
