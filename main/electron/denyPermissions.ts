import { session } from 'electron'

/**
 * Refuses every permission a page can ask for (camera, geolocation, notifications…): Electron
 * grants them all by default. Full screen is the one the kiosk needs.
 */
export function denyPermissions(): void {
  const allowed = new Set(['fullscreen'])
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    callback(allowed.has(permission))
  })
  session.defaultSession.setPermissionCheckHandler((_contents, permission) =>
    allowed.has(permission),
  )
}
