import { mkdir, readdir } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { openPackContainer } from '../../../main/services/packs/openPackContainer'
import { defaultPackLimits } from '../../../main/services/packs/packLimits'
import { stagePack } from '../../../main/services/packs/stagePack'
import { createPublicKey } from 'node:crypto'
import { useTempDirs } from '../support/tempDataDir'
import {
  defaultPackFiles,
  manifestFor,
  packEntries,
  testKeyPair,
  writeYazlPack,
} from './support/packFixtures'

vi.mock('electron')

describe('staging a pack whose signature fails', () => {
  const makeDir = useTempDirs()

  it('is rejected before any file of the pack is inflated, hashed or extracted', async () => {
    const root = await makeDir()
    const trusted = testKeyPair()
    const stranger = testKeyPair()
    const files = defaultPackFiles()
    const archive = await writeYazlPack(
      path.join(root, 'forged.songpack'),
      packEntries(manifestFor(files), files, stranger.privateKey),
    )
    const container = await openPackContainer(archive, defaultPackLimits)
    const opened: string[] = []
    const openEntry = container.openEntry.bind(container)
    const spied = {
      ...container,
      openEntry: (entry: Parameters<typeof openEntry>[0]) => (
        opened.push(entry.path),
        openEntry(entry)
      ),
    }
    const stagingDir = path.join(root, 'staging')
    await mkdir(stagingDir)
    try {
      await expect(
        stagePack(spied, {
          limits: defaultPackLimits,
          appVersion: '0.1.0',
          trustedKeys: [createPublicKey(trusted.publicKeyPem)],
          requireSigned: true,
          stagingDir,
        }),
      ).rejects.toMatchObject({
        code: 'rejected',
        problems: [
          expect.objectContaining({
            path: 'manifest.sig',
            message: expect.stringContaining('does not verify'),
          }),
        ],
      })
    } finally {
      await container.close()
    }
    expect(opened.sort()).toEqual(['manifest.json', 'manifest.sig'])
    expect(await readdir(stagingDir)).toEqual([])
  })
})
