import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { useTempDirs } from '../support/tempDataDir'
import { runSongyun } from './support/runSongyun'

vi.mock('electron')

const json = <T>(stdout: string) => JSON.parse(stdout) as { ok: boolean; result: T }

describe('songyun pack: the author-to-kiosk round trip through the real CLI', () => {
  const makeDir = useTempDirs()

  it('init, validate, keygen, build, trust, install, sign again, list, rollback, verify', async () => {
    const root = await makeDir()
    const dataDir = path.join(root, 'data')
    // A kiosk's data folder exists once it has started; a missing one is refused (exit 2).
    await mkdir(dataDir)
    const folder = path.join(root, 'my-pack')
    const archive = path.join(root, 'my-pack.songpack')
    const cli = (...args: string[]) => runSongyun([...args, '--data-dir', dataDir])

    expect((await cli('pack', 'init', folder)).exitCode).toBe(0)
    const validated = await cli('pack', 'validate', folder, '--allow-unsigned', '--json')
    expect(validated.exitCode).toBe(0)
    expect(json<{ packId: string; isSigned: boolean }>(validated.stdout).result).toMatchObject({
      packId: 'example.pack',
      isSigned: false,
    })
    // Where signatures are required (the default), the unsigned folder does not pass.
    expect((await cli('pack', 'validate', folder)).exitCode).toBe(1)

    expect((await cli('pack', 'keygen', '-o', path.join(root, 'keys', 'venue'))).exitCode).toBe(0)
    expect(await readFile(path.join(root, 'keys', 'venue.key'), 'utf8')).toContain(
      'BEGIN PRIVATE KEY',
    )
    // Keys are never overwritten.
    expect((await cli('pack', 'keygen', '-o', path.join(root, 'keys', 'venue'))).exitCode).toBe(2)

    const built = await cli(
      'pack',
      'build',
      folder,
      '-o',
      archive,
      '--key',
      path.join(root, 'keys', 'venue.key'),
      '--json',
    )
    expect(built.exitCode).toBe(0)
    expect(json<{ fileCount: number; isSigned: boolean }>(built.stdout).result).toMatchObject({
      fileCount: 1,
      isSigned: true,
    })

    const untrusted = await cli('pack', 'install', archive)
    expect(untrusted.exitCode).toBe(1)
    expect(untrusted.stderr).toContain('manifest.sig: does not verify')

    expect((await cli('pack', 'trust', path.join(root, 'keys', 'venue.pub'))).exitCode).toBe(0)
    expect((await cli('pack', 'trust', path.join(root, 'keys', 'venue.pub'))).stdout).toContain(
      'was trusted already',
    )
    expect((await cli('pack', 'validate', archive)).stdout).toContain(
      'example.pack 1.0.0 is valid, signed by key',
    )
    expect((await cli('pack', 'install', archive)).exitCode).toBe(0)

    // A new version, built unsigned, then signed in place.
    const manifestPath = path.join(folder, 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string }
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '1.1.0' }))
    expect((await cli('pack', 'build', folder, '-o', archive)).exitCode).toBe(0)
    expect((await cli('pack', 'install', archive)).stderr).toContain('manifest.sig: missing')
    expect(
      (await cli('pack', 'sign', archive, '--key', path.join(root, 'keys', 'venue.key'))).exitCode,
    ).toBe(0)
    expect((await cli('pack', 'install', archive)).stdout).toContain(
      'Installed example.pack 1.1.0 (was 1.0.0',
    )

    const listed = json<{ packs: { activeVersion: string; rollbackVersion: string }[] }>(
      (await cli('pack', 'list', '--json')).stdout,
    )
    expect(listed.result.packs).toEqual([
      expect.objectContaining({ activeVersion: '1.1.0', rollbackVersion: '1.0.0' }),
    ])
    expect((await cli('pack', 'rollback', 'example.pack')).stdout).toContain(
      '1.0.0 is active again',
    )
    const noMore = await cli('pack', 'rollback', 'example.pack')
    expect(noMore.exitCode).toBe(1)
    expect(noMore.stderr).toContain('no previous version')
    expect((await cli('pack', 'verify')).stdout).toContain('example.pack 1.0.0: intact')
  })

  it('verify fails, naming the file, when an installed file is damaged', async () => {
    const root = await makeDir()
    const dataDir = path.join(root, 'data')
    // A kiosk's data folder exists once it has started; a missing one is refused (exit 2).
    await mkdir(dataDir)
    const folder = path.join(root, 'p')
    await runSongyun(['pack', 'init', folder])
    expect(
      (await runSongyun(['pack', 'install', folder, '--allow-unsigned', '--data-dir', dataDir]))
        .exitCode,
    ).toBe(0)
    const state = JSON.parse(await readFile(path.join(dataDir, 'packs', 'state.json'), 'utf8')) as {
      packs: { active: { folder: string } }[]
    }
    const image = path.join(
      dataDir,
      'packs',
      'versions',
      'example.pack',
      state.packs[0]!.active.folder,
      'images',
      'tea-bowl.png',
    )
    await writeFile(image, 'scribbled over')
    const verify = await runSongyun(['pack', 'verify', '--data-dir', dataDir])
    expect(verify.exitCode).toBe(1)
    expect(verify.stderr).toContain(`${image}: holds 14 bytes`)
  })

  it.each([
    [['pack', 'install'], 'missing the file'],
    [['pack', 'build', '.'], 'no -o'],
    [['pack', 'frobnicate'], 'an unknown command'],
    [['pack', 'list', '--no-such-option'], 'an unknown option'],
    [['pack', 'sign', 'x.songpack', '--key', '/nonexistent.key'], 'an unreadable key'],
  ])('exits 2 for a wrong command line: %j (%s)', async (args) => {
    const run = await runSongyun(args)
    expect(run.exitCode).toBe(2)
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/)
  })

  it('init refuses a folder that is not empty and touches nothing in it', async () => {
    const root = await makeDir()
    await writeFile(path.join(root, 'keep.txt'), 'mine')
    const run = await runSongyun(['pack', 'init', root])
    expect(run.exitCode).toBe(2)
    expect(existsSync(path.join(root, 'manifest.json'))).toBe(false)
  })
})
