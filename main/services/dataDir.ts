import os from 'node:os'
import path from 'node:path'

/**
 * The data folder: `--data-dir`, else `SONGYUN_DATA_DIR`, else the platform's app-data folder
 * (docs/kiosk-contract.md "The data folder").
 */
export function resolveDataDir(
  option: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (option) return path.resolve(option)
  if (env.SONGYUN_DATA_DIR) return path.resolve(env.SONGYUN_DATA_DIR)
  const home = os.homedir()
  if (platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Songyun Kiosk')
  }
  if (platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', 'Songyun Kiosk')
  }
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'songyun-kiosk')
}
