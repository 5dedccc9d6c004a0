import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  builtinArchiveIdentityMemoPath,
  readBuiltinArchiveIdentity,
} from '../../../main/services/packs/builtinArchiveIdentity'
import { useTempDirs } from '../support/tempDataDir'
import { defaultPackFiles, manifestFor, packEntries, writeYazlPack } from './support/packFixtures'

/** A built-in archive of `version`, and where its memo would live in a data folder beside it. */
async function shippedArchive(root: string, version: string) {
  const files = defaultPackFiles(`builtin-${version}`)
  const archivePath = await writeYazlPack(
    path.join(root, 'out', 'songyun.core.songpack'),
    packEntries(manifestFor(files, { id: 'songyun.core', version }), files),
  )
  return { archivePath, memoPath: builtinArchiveIdentityMemoPath(path.join(root, 'data', 'packs')) }
}

/** Rewrites the memo's identity, keeping the file it names: what a start would then believe. */
async function rewriteMemoVersion(memoPath: string, version: string): Promise<void> {
  const memo = JSON.parse(await readFile(memoPath, 'utf8')) as Record<string, unknown>
  await writeFile(memoPath, JSON.stringify({ ...memo, version }))
}

describe('the built-in archive identity memo', () => {
  const makeDir = useTempDirs()

  it('reads the archive once, then answers from the memo while the file is the same', async () => {
    const { archivePath, memoPath } = await shippedArchive(await makeDir(), '1.0.0')
    expect(await readBuiltinArchiveIdentity(archivePath, memoPath)).toEqual({
      id: 'songyun.core',
      version: '1.0.0',
    })
    // A version only the memo says: answered from it, so the archive was not opened.
    await rewriteMemoVersion(memoPath, '9.9.9')
    expect((await readBuiltinArchiveIdentity(archivePath, memoPath))?.version).toBe('9.9.9')
  })

  it('reads the archive again once it was replaced (another size or time)', async () => {
    const root = await makeDir()
    const { archivePath, memoPath } = await shippedArchive(root, '1.0.0')
    await readBuiltinArchiveIdentity(archivePath, memoPath)
    await rewriteMemoVersion(memoPath, '9.9.9')
    // Same size, another modification time: an update that happened to keep the length.
    const { mtime } = await stat(archivePath)
    await utimes(archivePath, mtime, new Date(mtime.getTime() + 5_000))
    expect((await readBuiltinArchiveIdentity(archivePath, memoPath))?.version).toBe('1.0.0')
    // And the memo now names the new file.
    expect(JSON.parse(await readFile(memoPath, 'utf8'))).toMatchObject({ version: '1.0.0' })

    await shippedArchive(root, '1.1.0')
    expect((await readBuiltinArchiveIdentity(archivePath, memoPath))?.version).toBe('1.1.0')
  })

  it('treats a memo that is not JSON or not of its shape as a miss, and repairs it', async () => {
    const { archivePath, memoPath } = await shippedArchive(await makeDir(), '1.0.0')
    await readBuiltinArchiveIdentity(archivePath, memoPath)
    for (const broken of ['{"archivePath": ', JSON.stringify({ version: '9.9.9' }), '[]']) {
      await writeFile(memoPath, broken)
      expect(await readBuiltinArchiveIdentity(archivePath, memoPath)).toEqual({
        id: 'songyun.core',
        version: '1.0.0',
      })
      expect(JSON.parse(await readFile(memoPath, 'utf8'))).toMatchObject({ version: '1.0.0' })
    }
  })

  it('does not answer for another archive path from the memo', async () => {
    const root = await makeDir()
    const { archivePath, memoPath } = await shippedArchive(root, '1.0.0')
    await readBuiltinArchiveIdentity(archivePath, memoPath)
    await rewriteMemoVersion(memoPath, '9.9.9')
    const memo = JSON.parse(await readFile(memoPath, 'utf8')) as Record<string, unknown>
    await writeFile(memoPath, JSON.stringify({ ...memo, archivePath: `${archivePath}.old` }))
    expect((await readBuiltinArchiveIdentity(archivePath, memoPath))?.version).toBe('1.0.0')
  })
})
