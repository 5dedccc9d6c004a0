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
import { buildTableTop, setTableLight } from './tableTop'
import type { TeaSetLayout } from './teaSetLayout'
import { jianBowlProfile, type ProfilePoint } from './bowlProfile'
import type { TeaTablePictures } from './teaTablePictures'
import { songWhiskBodyProfile, songWhiskTines } from './songWhisk'
import { teaPowderHex } from '../../../../src/exhibits/teaWhisking/teaPowderColour'

/** Height of the lacquer stand (盏托) the bowl sits in, cm. */
export const standHeightCm = 2.4
/** Radius used to hit-test the ewer and caddy, cm. */
export const ewerReachCm = 5.5
export const caddyReachCm = 4

/** Where the pieces the visitor handles rest now (see {@link layTeaSet}), cm. */
export interface TeaSetPlaces {
  readonly ewerHome: Vector3
  readonly caddy: Vector3
  readonly whiskHome: Vector3
}

/** The table's meshes, and the parts the scene moves. */
export interface TeaTable {
  readonly root: Group
  /** Where the ewer, caddy and whisk rest in the current layout (updated in place). */
  readonly places: TeaSetPlaces
  /** The layout the set stands in now (changed only by {@link layTeaSet}). */
  layout: TeaSetLayout
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
  readonly caddyLid: Mesh
  readonly spoon: Group
  readonly tableTop: Mesh
  /**
   * The table's baked light for `layout` (its contact shadows under that layout's pieces), made
   * the first time a layout is laid (most screens never turn, and never need the other).
   */
  readonly tableLightOf: (layout: TeaSetLayout) => Texture
}

const lathePoints = (points: readonly ProfilePoint[]) => points.map((p) => new Vector2(p.r, p.y))

/**
 * A tube along `curve` whose radius narrows from `startRadiusCm` to `endRadiusCm` (a spout that
 * grows out of a shoulder; three's TubeGeometry keeps one radius). Each ring of the tube is
 * scaled about its point on the curve.
 */
function taperedTube(
  curve: CatmullRomCurve3,
  startRadiusCm: number,
  endRadiusCm: number,
): TubeGeometry {
  const tubularSegments = 24
  const radialSegments = 14
  const tube = new TubeGeometry(curve, tubularSegments, 1, radialSegments, false)
  const position = tube.attributes.position!
  const centre = new Vector3()
  const vertex = new Vector3()
  for (let ring = 0; ring <= tubularSegments; ring++) {
    const t = ring / tubularSegments
    curve.getPointAt(t, centre)
    const radius = startRadiusCm + (endRadiusCm - startRadiusCm) * Math.pow(t, 0.8)
    for (let j = 0; j <= radialSegments; j++) {
      const index = ring * (radialSegments + 1) + j
      vertex.fromBufferAttribute(position, index).sub(centre).multiplyScalar(radius).add(centre)
      position.setXYZ(index, vertex.x, vertex.y, vertex.z)
    }
  }
  position.needsUpdate = true
  tube.computeVertexNormals()
  return tube
}

/**
 * Builds the table, every lit surface under the baked room light; every geometry, material and
 * texture is added to `store` (`roomLight` is the caller's). The textures are made from the
 * page's `pictures`, prepared already for `firstLayout` (the screen's shape when it is built).
 */
export function buildTeaTable(
  store: DisposableStore,
  roomLight: BakedRoomLight,
  pictures: TeaTablePictures,
  firstLayout: TeaSetLayout,
): TeaTable {
  const geometry = <G extends BufferGeometry>(g: G) => store.add(g)
  const material = <M extends Material>(m: M) => store.add(m)
  const texture = <T extends Texture>(t: T) => store.add(t)
  const root = new Group()

  // Table top, the tea set's soft contact shadows baked into its light (one picture a layout).
  const tableLights = new Map<TeaSetLayout, Texture>()
  const tableLightOf = (layout: TeaSetLayout) => {
    let light = tableLights.get(layout)
    if (!light) {
      light = texture(pictures.tableLightTexture(layout))
      tableLights.set(layout, light)
    }
    return light
  }
  const tableTop = buildTableTop(
    store,
    texture(pictures.texture('tableWood')),
    tableLightOf(firstLayout),
  )
  root.add(tableTop)
  const puff = texture(pictures.texture('softPuff'))

  // The stand (盏托) of a Song tea table: a high foot ring, a dish-like flange about 1.3 times the
  // bowl's width with a turned-up lip, and rising from the flange's middle a raised ring (托圈)
  // that cups the bowl's foot and lower body, standing clear above the flange so the stand reads
  // as its own lacquered object, with a line of shade between ring and bowl.
  const bowl = new Group()
  const standProfile: ProfilePoint[] = [
    { r: 0, y: 0.25 },
    { r: 3.0, y: 0.25 },
    { r: 3.2, y: 0 },
    { r: 3.75, y: 0 },
    { r: 3.6, y: 0.7 },
    { r: 4.4, y: 0.85 },
    { r: 6.6, y: 1.2 },
    { r: 7.55, y: 1.5 },
    { r: 7.95, y: 1.8 },
    { r: 7.85, y: 1.95 },
    { r: 7.45, y: 1.8 },
    { r: 6.4, y: 1.45 },
    { r: 4.75, y: 1.25 },
    { r: 0, y: 1.25 },
  ]
  // The raised ring: out of the flange, up, a rounded lip the bowl's belly nearly meets, and down
  // its inside to the seat the foot stands on.
  const ringProfile: ProfilePoint[] = [
    { r: 4.75, y: 1.2 },
    { r: 4.3, y: 1.45 },
    { r: 4.1, y: 2.2 },
    { r: 4.1, y: 3.6 },
    { r: 4.22, y: 3.95 },
    { r: 4.05, y: 4.12 },
    { r: 3.82, y: 4.0 },
    { r: 3.6, y: 3.2 },
    { r: 2.7, y: 1.95 },
    { r: 2.2, y: 1.8 },
    { r: 0, y: 1.8 },
  ]
  // Old cinnabar lacquer (朱漆) over black, deep and warm, a clear step lighter and redder than the
  // bowl's black-brown so bowl and stand part at a glance; a soft, wide sheen, not a plastic
  // gloss. The ring is a shade lighter with a brighter sheen along its lip, so it stands up from
  // the flange as its own part.
  const lacquer = material(
    roomLight.material({
      colour: 0x4e160e,
      sheen: 'lacquer',
      sheenColour: 0x8a5a48,
      edgeSheenColour: 0x4a1e12,
    }),
  )
  const ringLacquer = material(
    roomLight.material({
      colour: 0x6e2416,
      sheen: 'lacquer',
      sheenColour: 0xa8725c,
      edgeSheenColour: 0x8a3e28,
    }),
  )
  // 128 segments: the flange's rim is the widest silhouette on the table, and at 64 its facets
  // showed as stair-steps along the near edge.
  const stand = new Mesh(geometry(new LatheGeometry(lathePoints(standProfile), 128)), lacquer)
  const standRing = new Mesh(geometry(new LatheGeometry(lathePoints(ringProfile), 96)), ringLacquer)
  root.add(stand, standRing)

  // The Jian bowl.
  const { points } = jianBowlProfile()
  const bowlMaterial = material(
    roomLight.material({
      colour: 0xffffff,
      map: texture(pictures.texture('hareFur')),
      sheen: 'glaze',
      sheenColour: 0x6a645e,
      sheenMap: texture(pictures.texture('glazeGloss')),
      // The glaze's curve catches the room along the bowl's outline: the bowl's edge against the
      // stand's lacquer, and the rim, read as a line of light.
      edgeSheenColour: 0x6a5a4c,
    }),
  )
  const bowlMesh = new Mesh(geometry(new LatheGeometry(lathePoints(points), 128)), bowlMaterial)
  bowl.add(bowlMesh)
  bowl.position.y = standHeightCm - 0.55
  root.add(bowl)

  // The ewer (汤瓶): 青白 (qingbai) porcelain, the pale blue-white glaze of Jingdezhen that Song
  // tea ewers were often made in (others were silver), a tall neck with a lid, and the long spout
  // 大观茶论·瓶 asks for, growing out of the shoulder and curving up towards the bowl (−x) so the
  // stream is tight. Its handle joins the neck and the shoulder.
  const qingbai = material(
    roomLight.material({
      colour: 0xa9c0b6,
      diffuseWeight: 0.9,
      sheen: 'glaze',
      sheenColour: 0x8a9490,
    }),
  )
  const ewer = new Group()
  const ewerProfile: ProfilePoint[] = [
    { r: 0, y: 0 },
    { r: 2.4, y: 0 },
    { r: 2.6, y: 0.35 },
    { r: 2.45, y: 0.6 },
    { r: 3.3, y: 2.2 },
    { r: 4.0, y: 4.2 },
    { r: 4.0, y: 6.0 },
    { r: 3.1, y: 7.7 },
    { r: 1.5, y: 8.9 },
    { r: 1.2, y: 9.6 },
    { r: 1.15, y: 12.4 },
    { r: 1.55, y: 13.3 },
    { r: 1.5, y: 13.45 },
    { r: 1.0, y: 13.2 },
    { r: 0, y: 13.2 },
  ]
  ewer.add(new Mesh(geometry(new LatheGeometry(lathePoints(ewerProfile), 48)), qingbai))
  // The lid: a low dome with a bud knob, sitting in the mouth.
  const lidProfile: ProfilePoint[] = [
    { r: 0, y: 13.25 },
    { r: 1.45, y: 13.25 },
    { r: 1.5, y: 13.5 },
    { r: 1.2, y: 13.9 },
    { r: 0.35, y: 14.2 },
    { r: 0.45, y: 14.6 },
    { r: 0, y: 14.85 },
  ]
  ewer.add(new Mesh(geometry(new LatheGeometry(lathePoints(lidProfile), 32)), qingbai))
  const spoutCurve = new CatmullRomCurve3([
    new Vector3(-2.4, 5.2, 0),
    new Vector3(-4.4, 6.4, 0),
    new Vector3(-6.3, 8.4, 0),
    new Vector3(-7.8, 10.6, 0),
    new Vector3(-8.8, 12.2, 0),
  ])
  ewer.add(new Mesh(geometry(taperedTube(spoutCurve, 1.05, 0.32)), qingbai))
  const handleCurve = new CatmullRomCurve3([
    new Vector3(0.6, 11.6, 0),
    new Vector3(3.4, 12.2, 0),
    new Vector3(5.4, 9.6, 0),
    new Vector3(4.6, 6.4, 0),
    new Vector3(3.3, 5.0, 0),
  ])
  ewer.add(new Mesh(geometry(taperedTube(handleCurve, 0.5, 0.42)), qingbai))
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

  // The whisk (茶筅) of the Song (songWhisk.ts): a thick, heavy body of old 筋竹 bamboo, its skin
  // painted with fibres, a node and the split running down into a dozen stiff tines, thick at the
  // root and tapering like a sword's spine.
  const bamboo = material(
    roomLight.material({
      colour: 0xffffff,
      map: texture(pictures.texture('bambooSkin')),
      sheen: 'lacquer',
      sheenColour: 0x4a3a26,
      edgeSheenColour: 0x3a2c1a,
    }),
  )
  const whisk = new Group()
  const body = songWhiskBodyProfile()
  whisk.add(new Mesh(geometry(new LatheGeometry(lathePoints(body.points), 48)), bamboo))
  // Split bamboo is paler inside than its skin: the tines show the inner wood, a little lighter
  // than the culm, so they stand apart from the body.
  const splitBamboo = material(
    roomLight.material({ colour: 0xb08e58, sheen: 'lacquer', sheenColour: 0x4a4030 }),
  )
  whisk.add(new Mesh(geometry(songWhiskTines().geometry), splitBamboo))
  root.add(whisk)

  // The tea caddy (茶盒): a low round box in black lacquer with a cinnabar band at the lip, its lid
  // set aside, the ground tea inside (off-white: 茶录, cake tea ground fresh stays white).
  const blackLacquer = material(
    roomLight.material({ colour: 0x1c1614, sheen: 'lacquer', sheenColour: 0x8a7a70 }),
  )
  const caddy = new Group()
  const caddyProfile: ProfilePoint[] = [
    { r: 0, y: 0 },
    { r: 2.5, y: 0 },
    { r: 2.75, y: 0.25 },
    { r: 2.8, y: 2.2 },
    { r: 2.7, y: 2.5 },
    { r: 2.45, y: 2.5 },
    { r: 2.45, y: 0.4 },
    { r: 0, y: 0.4 },
  ]
  // 96 segments: the box's lip and the lid's rim are bright lines on black, where facets show.
  caddy.add(new Mesh(geometry(new LatheGeometry(lathePoints(caddyProfile), 96)), blackLacquer))
  // Ground tea lies in a low, soft heap, so the room's light grades across it as across a powder
  // (a flat disc reads as chalk); its colour is teaPowderColour.ts's, matte.
  const powder = material(
    roomLight.material({
      colour: teaPowderHex,
      diffuseWeight: 0.9,
      sheen: 'lacquer',
      sheenColour: 0x000000,
    }),
  )
  // Rim to centre, so the lathe's faces look up (as the bowl's inner floor is ordered).
  const powderHeap: ProfilePoint[] = [
    { r: 2.42, y: 0 },
    { r: 2.2, y: 0.12 },
    { r: 1.6, y: 0.3 },
    { r: 0.8, y: 0.42 },
    { r: 0, y: 0.45 },
  ]
  const powderInCaddy = new Mesh(geometry(new LatheGeometry(lathePoints(powderHeap), 48)), powder)
  powderInCaddy.position.y = 1.75
  caddy.add(powderInCaddy)
  // The lid, upside down behind the box: a shallow domed disc.
  const caddyLidProfile: ProfilePoint[] = [
    { r: 0, y: 0 },
    { r: 2.2, y: 0.1 },
    { r: 2.85, y: 0.5 },
    { r: 2.95, y: 1.0 },
    { r: 2.75, y: 1.0 },
    { r: 2.6, y: 0.6 },
    { r: 0, y: 0.45 },
  ]
  const caddyLid = new Mesh(
    geometry(new LatheGeometry(lathePoints(caddyLidProfile), 96)),
    blackLacquer,
  )
  root.add(caddyLid)
  root.add(caddy)

  // The tea spoon (茶匙) beside the caddy. 茶录: "茶匙要重，击拂有力", heavy, to strike the tea
  // with force; gold is best, silver or iron in common use, bamboo too light. So a weighty gilt
  // spoon: a broad, flat handle widening to its end and a wide, shallow leaf-shaped bowl, in
  // hand-rubbed gold: a deep, warm body colour that takes little of the room's diffuse light (a
  // metal is coloured by what it reflects), a warm sheen where it faces the light, and a bright
  // edge where it turns away, so it reads as heavy metal, never as pale wood or a steel mirror.
  const gilt = material(
    roomLight.material({
      colour: 0x5a3c14,
      diffuseWeight: 0.35,
      sheen: 'silver',
      sheenColour: 0x7a561c,
      edgeSheenColour: 0xb08a3c,
    }),
  )
  const spoon = new Group()
  // A cylinder pressed flat: its far end (the cylinder's bottom) wider than the neck.
  const spoonHandle = new Mesh(geometry(new CylinderGeometry(0.3, 0.55, 8.5, 16)), gilt)
  spoonHandle.rotation.z = Math.PI / 2
  spoonHandle.scale.set(0.35, 1, 1)
  spoonHandle.position.set(5.2, 0.05, 0)
  const spoonBowl = new Mesh(geometry(new SphereGeometry(1, 24, 10)), gilt)
  spoonBowl.scale.set(1.45, 0.32, 1.05)
  spoon.add(spoonHandle, spoonBowl)
  // In front of the caddy, its bowl towards the tea bowl and its handle to the left.
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

  const table: TeaTable = {
    root,
    places: { ewerHome: new Vector3(), caddy: new Vector3(), whiskHome: new Vector3() },
    layout: firstLayout,
    bowl,
    ewer,
    ewerSpoutTip,
    whisk,
    caddy,
    powderInCaddy,
    stream,
    steam,
    caddyLid,
    spoon,
    tableTop,
    tableLightOf,
  }
  layTeaSet(table, firstLayout)
  return table
}

/**
 * Sets the tea set down in `layout`: the ewer, caddy, lid, spoon and whisk go to their places
 * (the ewer upright, the whisk tines down) and their shadows move with them. The bowl stays.
 */
export function layTeaSet(table: TeaTable, layout: TeaSetLayout): void {
  table.layout = layout
  table.places.ewerHome.copy(layout.ewerHome)
  table.places.caddy.copy(layout.caddy)
  table.places.whiskHome.copy(layout.whiskHome)
  table.ewer.position.copy(layout.ewerHome)
  table.ewer.rotation.set(0, 0, 0)
  table.whisk.position.copy(layout.whiskHome)
  table.whisk.rotation.set(0, 0, 0)
  table.caddy.position.copy(layout.caddy)
  table.caddyLid.position.copy(layout.caddyLid)
  table.spoon.position.copy(layout.spoon)
  setTableLight(table.tableTop, table.tableLightOf(layout))
}
