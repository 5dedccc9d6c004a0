import { AmbientLight, Color, DirectionalLight, HemisphereLight, Vector3, type Light } from 'three'

/**
 * The colour a `MeshBasicMaterial` multiplies its map by to show a flat surface facing
 * `surfaceNormal` exactly as a `MeshLambertMaterial` lit by `lights` shows it: three's Lambert is
 * (albedo ÷ π) × irradiance, and on a plane the ambient, hemisphere and directional lights give
 * one irradiance everywhere (none of them depends on position). The result is linear and may
 * exceed 1; tone mapping then treats both materials alike.
 *
 * Why: the bench top fills half of every station's frame. On a software rasteriser each of its
 * pixels ran the Lambert light loop every frame to reach a colour that never changes; the basic
 * material reads the map and multiplies (the tea table bakes its light for the same reason).
 * Lights of other kinds (point, spot, area) depend on position and are refused.
 */
export function flatLambertColour(surfaceNormal: Vector3, lights: readonly Light[]): Color {
  const normal = surfaceNormal.clone().normalize()
  const irradiance = new Color(0, 0, 0)
  const direction = new Vector3()
  for (const light of lights) {
    if (light instanceof AmbientLight) {
      irradiance.add(light.color.clone().multiplyScalar(light.intensity))
    } else if (light instanceof HemisphereLight) {
      direction.copy(light.position).normalize()
      const skyWeight = 0.5 * normal.dot(direction) + 0.5
      irradiance.add(
        light.groundColor.clone().lerp(light.color, skyWeight).multiplyScalar(light.intensity),
      )
    } else if (light instanceof DirectionalLight) {
      direction.subVectors(light.position, light.target.position).normalize()
      const facing = Math.max(0, normal.dot(direction))
      irradiance.add(light.color.clone().multiplyScalar(light.intensity * facing))
    } else {
      throw new Error(
        `flatLambertColour bakes ambient, hemisphere and directional lights only; "${light.type}" depends on position: keep a lit material for it`,
      )
    }
  }
  return irradiance.multiplyScalar(1 / Math.PI)
}
