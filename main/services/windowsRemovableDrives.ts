import { existsSync } from 'node:fs'
import path from 'node:path'
import { CommandTimeoutError, type CommandRunner } from './commandRunner'
import type { Logger } from './logger'
import type { RemovableVolume } from './removableMedia'

/**
 * Asks Windows for its removable drives (DriveType 2: USB sticks and memory cards) with their
 * labels, as JSON. The console's encoding is switched to UTF-8 first: by default Windows
 * PowerShell writes the OEM code page (GBK on a Chinese system), which would garble labels such
 * as 宋韵. Size is asked for because an empty card-reader slot is listed too, with no size.
 */
export const windowsRemovableDrivesScript = [
  '[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false',
  "Get-CimInstance -ClassName Win32_LogicalDisk -Filter 'DriveType=2' |",
  '  Select-Object DeviceID,VolumeName,Size | ConvertTo-Json -Compress',
].join('\n')

/** PowerShell starts slowly on a cold, small kiosk PC; staff wait this long at most. */
export const windowsDriveListingTimeoutMs = 10_000

/** Windows PowerShell by its full path (a kiosk's PATH may be trimmed), else by name. */
export function windowsPowerShellPath(env: NodeJS.ProcessEnv): string {
  const systemRoot = env.SystemRoot ?? env.windir
  return systemRoot
    ? path.win32.join(systemRoot, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe')
    : 'powershell.exe'
}

/**
 * The arguments that run {@link windowsRemovableDrivesScript}. `-EncodedCommand` (UTF-16LE,
 * base64) carries the script past Windows' command-line quoting untouched; `-InputFormat None`
 * keeps PowerShell from waiting for a piped stdin to close before it exits.
 */
export function windowsPowerShellArgs(script: string): string[] {
  const encoded = Buffer.from(script, 'utf16le').toString('base64')
  return [
    '-NoLogo',
    '-NoProfile',
    '-NonInteractive',
    '-InputFormat',
    'None',
    '-EncodedCommand',
    encoded,
  ]
}

/** What the Windows listing needs from the computer; tests give fakes. */
export interface WindowsDriveLookup {
  readonly runCommand: CommandRunner
  readonly logger: Logger
  /** Where `SystemRoot` and `SystemDrive` are read; by default the process's environment. */
  readonly env?: NodeJS.ProcessEnv
  /** Whether a drive root such as `E:\` exists (the fallback without PowerShell). */
  readonly driveExists?: (driveRoot: string) => boolean
}

const driveLetterPattern = /^[A-Za-z]:$/

/** How a listing problem is logged: the output itself, shortened, so support can see it. */
function excerpt(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim()
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine
}

/**
 * The volumes in PowerShell's `ConvertTo-Json` output of Win32_LogicalDisk rows: one object for
 * one drive, an array for several, nothing at all for none. A drive without a label is called by
 * its letter (`E:`); a slot without a medium (no size) is left out. Output that is not such JSON
 * gives no volumes and a warning, never an error: the admin screen then offers no stick.
 */
export function parseWindowsRemovableDrives(stdout: string, logger: Logger): RemovableVolume[] {
  const text = stdout.replace(/^\uFEFF/, '').trim()
  if (text === '') return []
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    logger.warn(`removable media: PowerShell's drive list is not JSON: "${excerpt(text)}"`)
    return []
  }
  if (typeof parsed !== 'object' || parsed === null) {
    logger.warn(
      `removable media: PowerShell's drive list is not a list of drives: "${excerpt(text)}"`,
    )
    return []
  }
  const rows: unknown[] = Array.isArray(parsed) ? parsed : [parsed]
  const volumes: RemovableVolume[] = []
  for (const row of rows) {
    const deviceId: unknown = (row as { DeviceID?: unknown } | null)?.DeviceID
    if (typeof deviceId !== 'string' || !driveLetterPattern.test(deviceId)) {
      logger.warn(
        `removable media: skipped a drive without a drive letter in PowerShell's list: ${excerpt(JSON.stringify(row) ?? String(row))}`,
      )
      continue
    }
    const { VolumeName: volumeName, Size: sizeBytes } = row as {
      VolumeName?: unknown
      Size?: unknown
    }
    if (sizeBytes === null) continue
    const drive = deviceId.toUpperCase()
    const label = typeof volumeName === 'string' ? volumeName.trim() : ''
    volumes.push({ path: `${drive}\\`, label: label === '' ? drive : label })
  }
  return volumes
}

/**
 * Every existing drive root but the system drive's: all that can be told about drives without
 * PowerShell, fixed disks included.
 */
export function windowsDriveRootsExceptSystem(
  env: NodeJS.ProcessEnv,
  driveExists: (driveRoot: string) => boolean = existsSync,
): RemovableVolume[] {
  const systemDrive = (env.SystemDrive ?? 'C:').toUpperCase()
  return 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    .split('')
    .map((letter) => `${letter}:`)
    .filter((drive) => drive !== systemDrive && driveExists(`${drive}\\`))
    .map((drive) => ({ path: `${drive}\\`, label: drive }))
}

/**
 * The removable drives of a Windows computer now, by drive letter (`E:\`) with their labels, from
 * PowerShell's Win32_LogicalDisk (no native module). Where PowerShell is missing, every drive but
 * the system's is offered, as before this listing existed. A listing that fails or times out gives
 * no volumes and a warning; this never throws.
 */
export async function listWindowsRemovableDrives(
  lookup: WindowsDriveLookup,
): Promise<RemovableVolume[]> {
  const { runCommand, logger } = lookup
  const env = lookup.env ?? process.env
  const powerShell = windowsPowerShellPath(env)
  let stdout: string
  try {
    stdout = await runCommand(
      powerShell,
      windowsPowerShellArgs(windowsRemovableDrivesScript),
      windowsDriveListingTimeoutMs,
    )
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      logger.warn(
        `removable media: ${powerShell} is missing; offering every drive but the system drive, fixed disks included`,
      )
      return windowsDriveRootsExceptSystem(env, lookup.driveExists)
    }
    const reason =
      error instanceof CommandTimeoutError
        ? `it did not answer within ${error.timeoutMs} ms`
        : (error as Error).message
    logger.warn(`removable media: PowerShell could not list the removable drives: ${reason}`)
    return []
  }
  return parseWindowsRemovableDrives(stdout, logger)
}
