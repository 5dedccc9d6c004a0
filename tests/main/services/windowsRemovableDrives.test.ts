import { describe, expect, it } from 'vitest'
import { CommandTimeoutError, type CommandRunner } from '../../../main/services/commandRunner'
import {
  listWindowsRemovableDrives,
  windowsDriveListingTimeoutMs,
} from '../../../main/services/windowsRemovableDrives'
import { recordingLogger } from '../support/tempDataDir'

const windowsEnv = { SystemRoot: 'C:\\Windows', SystemDrive: 'C:' }

/** A runner that answers every command with the given PowerShell output, and records the calls. */
function answering(stdout: string) {
  const calls: { program: string; args: readonly string[]; timeoutMs: number }[] = []
  const runCommand: CommandRunner = async (program, args, timeoutMs) => {
    calls.push({ program, args, timeoutMs })
    return stdout
  }
  return { runCommand, calls }
}

function failingWith(error: Error): CommandRunner {
  return async () => {
    throw error
  }
}

async function listWith(runCommand: CommandRunner, driveExists?: (root: string) => boolean) {
  const logger = recordingLogger()
  const volumes = await listWindowsRemovableDrives({
    runCommand,
    logger,
    env: windowsEnv,
    driveExists,
  })
  return { volumes, warnings: logger.lines.filter((line) => line.level === 'warn') }
}

describe('listing removable drives on Windows', () => {
  it('asks Windows PowerShell for DriveType 2 drives as UTF-8 JSON, within the time limit', async () => {
    const { runCommand, calls } = answering('')
    await listWith(runCommand)
    expect(calls).toHaveLength(1)
    const [{ program, args, timeoutMs }] = calls as [(typeof calls)[number]]
    expect(program).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe')
    expect(args).toContain('-NoProfile')
    expect(args.join(' ')).toContain('-InputFormat None')
    expect(args.at(-2)).toBe('-EncodedCommand')
    const script = Buffer.from(args.at(-1)!, 'base64').toString('utf16le')
    expect(script).toContain("Win32_LogicalDisk -Filter 'DriveType=2'")
    expect(script).toContain('ConvertTo-Json')
    expect(script).toContain('[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding')
    expect(timeoutMs).toBe(windowsDriveListingTimeoutMs)
  })

  it('lists two drives (a JSON array) by drive root with their labels', async () => {
    const { runCommand } = answering(
      '[{"DeviceID":"E:","VolumeName":"KIOSK","Size":15518924800},' +
        '{"DeviceID":"F:","VolumeName":"CARD","Size":31902400512}]\r\n',
    )
    const { volumes, warnings } = await listWith(runCommand)
    expect(volumes).toEqual([
      { path: 'E:\\', label: 'KIOSK' },
      { path: 'F:\\', label: 'CARD' },
    ])
    expect(warnings).toEqual([])
  })

  it('lists one drive, which ConvertTo-Json writes as an object rather than an array', async () => {
    const { runCommand } = answering('{"DeviceID":"G:","VolumeName":"PACKS","Size":8004304896}')
    const { volumes } = await listWith(runCommand)
    expect(volumes).toEqual([{ path: 'G:\\', label: 'PACKS' }])
  })

  it('lists nothing, without a warning, when there is no removable drive (empty output)', async () => {
    const { runCommand } = answering('\r\n')
    expect(await listWith(runCommand)).toEqual({ volumes: [], warnings: [] })
  })

  it('keeps Chinese labels, and reads output that starts with a byte order mark', async () => {
    const { runCommand } = answering('\uFEFF{"DeviceID":"E:","VolumeName":"宋韵 展品","Size":1}')
    const { volumes } = await listWith(runCommand)
    expect(volumes).toEqual([{ path: 'E:\\', label: '宋韵 展品' }])
  })

  it('calls a drive without a label by its letter', async () => {
    const { runCommand } = answering(
      '[{"DeviceID":"e:","VolumeName":null,"Size":1},{"DeviceID":"F:","VolumeName":"  ","Size":1}]',
    )
    const { volumes } = await listWith(runCommand)
    expect(volumes).toEqual([
      { path: 'E:\\', label: 'E:' },
      { path: 'F:\\', label: 'F:' },
    ])
  })

  it('leaves out a card-reader slot without a card (no size)', async () => {
    const { runCommand } = answering(
      '[{"DeviceID":"E:","VolumeName":null,"Size":null},{"DeviceID":"F:","VolumeName":"CARD","Size":1}]',
    )
    const { volumes } = await listWith(runCommand)
    expect(volumes).toEqual([{ path: 'F:\\', label: 'CARD' }])
  })

  it('gives no volumes and a warning quoting the output when it is not JSON', async () => {
    const { runCommand } = answering('Get-CimInstance : Access denied\r\n{"DeviceID":')
    const { volumes, warnings } = await listWith(runCommand)
    expect(volumes).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toMatch(/not JSON: "Get-CimInstance : Access denied/)
  })

  it('gives no volumes and a warning when the JSON is not a list of drives', async () => {
    const { runCommand } = answering('"E:"')
    const { volumes, warnings } = await listWith(runCommand)
    expect(volumes).toEqual([])
    expect(warnings[0]!.message).toMatch(/not a list of drives/)
  })

  it('skips, with a warning, a row without a drive letter and keeps the others', async () => {
    const { runCommand } = answering(
      '[{"DeviceID":"\\\\\\\\?\\\\Volume{1234}","VolumeName":"X","Size":1},null,' +
        '{"DeviceID":"H:","VolumeName":"OK","Size":1}]',
    )
    const { volumes, warnings } = await listWith(runCommand)
    expect(volumes).toEqual([{ path: 'H:\\', label: 'OK' }])
    expect(warnings).toHaveLength(2)
    expect(warnings[0]!.message).toMatch(/without a drive letter.*Volume\{1234\}/)
  })

  it('gives no volumes and a warning when PowerShell does not answer in time', async () => {
    const timedOut = new CommandTimeoutError('powershell.exe', windowsDriveListingTimeoutMs)
    const { volumes, warnings } = await listWith(failingWith(timedOut))
    expect(volumes).toEqual([])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.message).toMatch(/did not answer within 10000 ms/)
  })

  it('gives no volumes and a warning carrying PowerShell’s complaint when it fails', async () => {
    const failed = new Error(
      'powershell.exe failed with exit code 1: Get-CimInstance : Invalid class',
    )
    const { volumes, warnings } = await listWith(failingWith(failed))
    expect(volumes).toEqual([])
    expect(warnings[0]!.message).toMatch(/could not list the removable drives: .*Invalid class/)
  })

  it('offers every drive but the system drive, with a warning, when PowerShell is missing', async () => {
    const missing = Object.assign(new Error('spawn powershell.exe ENOENT'), { code: 'ENOENT' })
    const existing = new Set(['C:\\', 'D:\\', 'E:\\'])
    const { volumes, warnings } = await listWith(failingWith(missing), (root) => existing.has(root))
    expect(volumes).toEqual([
      { path: 'D:\\', label: 'D:' },
      { path: 'E:\\', label: 'E:' },
    ])
    expect(warnings[0]!.message).toMatch(/powershell\.exe is missing.*fixed disks included/)
  })
})
