import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CommandRunner } from '../../../main/services/commandRunner'
import { listRemovableVolumes } from '../../../main/services/removableMedia'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'

/** A runner that answers as PowerShell would with one USB stick, and counts its calls. */
function fakePowerShell() {
  let calls = 0
  const runCommand: CommandRunner = async () => {
    calls++
    return '{"DeviceID":"E:","VolumeName":"宋韵","Size":8004304896}'
  }
  return { runCommand, calls: () => calls }
}

describe('listRemovableVolumes picks the way to look by system', () => {
  const makeDir = useTempDirs()

  it('asks Windows for its removable drives', async () => {
    const powerShell = fakePowerShell()
    const volumes = await listRemovableVolumes({
      logger: recordingLogger(),
      platform: 'win32',
      runCommand: powerShell.runCommand,
    })
    expect(volumes).toEqual([{ path: 'E:\\', label: '宋韵' }])
    expect(powerShell.calls()).toBe(1)
  })

  it('runs no program on Linux (mount points under the usual folders)', async () => {
    const powerShell = fakePowerShell()
    await listRemovableVolumes({
      logger: recordingLogger(),
      platform: 'linux',
      runCommand: powerShell.runCommand,
    })
    expect(powerShell.calls()).toBe(0)
  })

  it('counts every folder under given media roots as a stick, on Windows too', async () => {
    const root = await makeDir()
    await mkdir(path.join(root, 'USB STICK'))
    await mkdir(path.join(root, '.hidden'))
    const powerShell = fakePowerShell()
    const volumes = await listRemovableVolumes({
      logger: recordingLogger(),
      mediaRoots: [root, path.join(root, 'missing')],
      platform: 'win32',
      runCommand: powerShell.runCommand,
    })
    expect(volumes).toEqual([{ path: path.join(root, 'USB STICK'), label: 'USB STICK' }])
    expect(powerShell.calls()).toBe(0)
  })
})
