import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it, vi } from 'vitest'
import { PackStore } from '../../../main/services/packs/packStore'
import { silentLogger } from '../../../main/services/logger'
import { manualClock, useTempDirs } from '../support/tempDataDir'
import { craftZip, type CraftedEntry } from './support/craftZip'
import {
  defaultPackFiles,
  manifestBytesOf,
  manifestFor,
  packEntries,
  signatureOf,
  snapshotTree,
  testKeyPair,
  writePackFolder,
  writeYazlPack,
  type PackFiles,
} from './support/packFixtures'
import { runSongyun } from './support/runSongyun'

vi.mock('electron')

const key = testKeyPair()
const otherKey = testKeyPair()
function hasTool(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const hasSystemZip = hasTool('zip')

interface Venue {
  readonly root: string
  readonly dataDir: string
  readonly inbox: string
}

/** A temp root holding a data folder with a trusted key and a signed pack installed. */
async function venueWithInstalledPack(makeRoot: () => Promise<string>): Promise<Venue> {
  const root = await makeRoot()
  const dataDir = path.join(root, 'data')
  const inbox = path.join(root, 'usb')
  await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true })
  await mkdir(inbox, { recursive: true })
  await writeFile(path.join(dataDir, 'trusted-keys', 'venue.pub'), key.publicKeyPem)
  const files = defaultPackFiles('installed')
  const archive = await writeYazlPack(
    path.join(root, 'installed.songpack'),
    packEntries(manifestFor(files, { version: '1.0.0' }), files, key.privateKey),
  )
  const store = new PackStore({
    dataDir,
    appVersion: '0.1.0',
    clock: manualClock(),
    logger: silentLogger,
  })
  await store.install(archive, { requireSigned: true })
  return { root, dataDir, inbox }
}

/** A crafted archive of a pack: the manifest (signed with the venue key) and the given entries. */
function craftedPack(
  files: PackFiles,
  extra: CraftedEntry[],
  manifest = manifestFor(files),
): Buffer {
  const manifestBytes = manifestBytesOf(manifest)
  return craftZip([
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: signatureOf(manifestBytes, key.privateKey) },
    ...Object.entries(files).map(([name, data]) => ({ name, data })),
    ...extra,
  ])
}

const zeros = Buffer.alloc(20 * 1024 * 1024)

interface BadCase {
  readonly name: string
  /** Writes the archive into the inbox and returns its path. */
  readonly make: (venue: Venue) => Promise<string>
  /** What the printed reasons must say (each a pattern the stderr must match). */
  readonly reasons: readonly RegExp[]
}

const save = async (venue: Venue, name: string, bytes: Buffer) => {
  const file = path.join(venue.inbox, name)
  await writeFile(file, bytes)
  return file
}

const badCases: BadCase[] = [
  {
    name: 'a ../ path escape',
    make: (v) =>
      save(
        v,
        'escape.songpack',
        craftedPack(defaultPackFiles(), [{ name: '../../escaped.txt', data: Buffer.from('x') }]),
      ),
    reasons: [/\.\.\/\.\.\/escaped\.txt: refused: the name holds a "\.\." segment/],
  },
  {
    name: 'an absolute path',
    make: (v) =>
      save(
        v,
        'absolute.songpack',
        craftedPack(defaultPackFiles(), [
          { name: `${v.root}/absolute.txt`, data: Buffer.from('x') },
        ]),
      ),
    reasons: [/absolute\.txt: refused: the name is an absolute path/],
  },
  {
    name: 'a drive letter',
    make: (v) =>
      save(
        v,
        'drive.songpack',
        craftedPack(defaultPackFiles(), [{ name: 'C:/Windows/evil.txt', data: Buffer.from('x') }]),
      ),
    reasons: [/C:\/Windows\/evil\.txt: refused: the name starts with a drive letter/],
  },
  {
    name: 'a backslash trick',
    make: (v) =>
      save(
        v,
        'backslash.songpack',
        craftedPack(defaultPackFiles(), [{ name: '..\\..\\evil.txt', data: Buffer.from('x') }]),
      ),
    reasons: [/\.\.\\\.\.\\evil\.txt: refused: the name holds a backslash/],
  },
  {
    name: 'a symbolic link entry',
    make: (v) =>
      save(
        v,
        'symlink.songpack',
        craftedPack(defaultPackFiles(), [
          { name: 'images/link.png', data: Buffer.from('/etc/passwd'), unixMode: 0o120777 },
        ]),
      ),
    reasons: [/images\/link\.png: refused: the entry is a symbolic link/],
  },
  {
    name: 'a special file (a pipe)',
    make: (v) =>
      save(
        v,
        'fifo.songpack',
        craftedPack(defaultPackFiles(), [{ name: 'images/pipe', unixMode: 0o010644 }]),
      ),
    reasons: [/images\/pipe: refused: the entry is a special file/],
  },
  {
    name: 'a duplicate name',
    make: (v) => {
      const files = defaultPackFiles()
      return save(
        v,
        'duplicate.songpack',
        craftedPack(files, [{ name: 'images/bowl.png', data: Buffer.from('second copy') }]),
      )
    },
    reasons: [/images\/bowl\.png: refused: the archive holds this name twice/],
  },
  {
    name: 'names equal but for letter case',
    make: (v) =>
      save(
        v,
        'case.songpack',
        craftedPack(defaultPackFiles(), [{ name: 'images/BOWL.png', data: Buffer.from('shadow') }]),
      ),
    reasons: [
      /images\/BOWL\.png: refused: the name differs from "images\/bowl\.png" only by letter case/,
    ],
  },
  {
    name: 'a zip bomb whose header lies about its size',
    make: (v) => {
      const files: PackFiles = { ...defaultPackFiles(), 'images/small.png': Buffer.alloc(1000) }
      const manifestBytes = manifestBytesOf(manifestFor(files))
      return save(
        v,
        'bomb-lying.songpack',
        craftZip([
          { name: 'manifest.json', data: manifestBytes },
          { name: 'manifest.sig', data: signatureOf(manifestBytes, key.privateKey) },
          ...Object.entries(defaultPackFiles()).map(([name, data]) => ({ name, data })),
          // 20 MiB of zeros deflate to about 20 KB; the headers claim the 1000 bytes listed.
          { name: 'images/small.png', data: zeros, claimedUncompressedSize: 1000 },
        ]),
      )
    },
    reasons: [/images\/small\.png: cannot be read whole: holds more than the 1000 bytes/],
  },
  {
    name: 'a zip bomb by its compression ratio',
    make: (v) => {
      const files: PackFiles = { ...defaultPackFiles(), 'images/huge.png': zeros }
      return save(v, 'bomb-ratio.songpack', craftedPack(files, []))
    },
    reasons: [/images\/huge\.png: refused: a compression ratio of \d+:1 marks a zip bomb/],
  },
  {
    name: 'a size that differs from the manifest',
    make: (v) => {
      const files = defaultPackFiles()
      const manifest = manifestFor(files)
      ;(manifest.files as Record<string, { size: number }>)['images/bowl.png']!.size += 7
      return save(v, 'size.songpack', craftedPack(files, [], manifest))
    },
    reasons: [/images\/bowl\.png: its header says \d+ bytes, manifest\.json says \d+/],
  },
  {
    name: 'a stored entry whose header claims more bytes than it holds',
    make: (v) => {
      const files = defaultPackFiles()
      const data = files['images/bowl.png']!
      const manifest = manifestFor({ ...files, 'images/bowl.png': Buffer.concat([data, data]) })
      const manifestBytes = manifestBytesOf(manifest)
      return save(
        v,
        'short.songpack',
        craftZip([
          { name: 'manifest.json', data: manifestBytes },
          { name: 'manifest.sig', data: signatureOf(manifestBytes, key.privateKey) },
          { name: 'audio/清明.ogg', data: files['audio/清明.ogg'] },
          {
            name: 'images/bowl.png',
            data,
            method: 'store',
            claimedUncompressedSize: data.length * 2,
          },
        ]),
      )
    },
    reasons: [
      /images\/bowl\.png: refused: a stored entry whose header claims \d+ bytes but holds \d+/,
    ],
  },
  {
    name: 'a file whose SHA-256 differs',
    make: (v) => {
      const files = defaultPackFiles()
      const manifest = manifestFor(files)
      const swapped = {
        ...files,
        'images/bowl.png': Buffer.from(files['images/bowl.png']!.toString().replace('a', 'b')),
      }
      return save(v, 'hash.songpack', craftedPack(swapped, [], manifest))
    },
    reasons: [/images\/bowl\.png: its SHA-256 differs from manifest\.json/],
  },
  {
    name: 'an unlisted file',
    make: (v) =>
      save(
        v,
        'unlisted.songpack',
        craftedPack(defaultPackFiles(), [{ name: 'notes/todo.txt', data: Buffer.from('x') }]),
      ),
    reasons: [/notes\/todo\.txt: not listed in manifest\.json "files"/],
  },
  {
    name: 'a missing file',
    make: (v) => {
      const files = defaultPackFiles()
      const manifest = manifestFor({ ...files, 'images/extra.png': Buffer.from('gone') })
      const manifestBytes = manifestBytesOf(manifest)
      return save(
        v,
        'missing.songpack',
        craftZip([
          { name: 'manifest.json', data: manifestBytes },
          { name: 'manifest.sig', data: signatureOf(manifestBytes, key.privateKey) },
          ...Object.entries(files).map(([name, data]) => ({ name, data })),
        ]),
      )
    },
    reasons: [/images\/extra\.png: missing from the pack/],
  },
  {
    name: 'a manifest that is not JSON',
    make: (v) => {
      const bad = Buffer.from('{ "format": "songyun-pack", ')
      return save(
        v,
        'json.songpack',
        craftZip([
          { name: 'manifest.json', data: bad },
          { name: 'manifest.sig', data: signatureOf(bad, key.privateKey) },
        ]),
      )
    },
    reasons: [/manifest\.json: not valid JSON/],
  },
  {
    name: 'a manifest made for a newer app',
    make: (v) => {
      const files = defaultPackFiles()
      return save(
        v,
        'newer.songpack',
        craftedPack(files, [], { ...manifestFor(files), formatVersion: 2 }),
      )
    },
    reasons: [/manifest\.json#\/formatVersion: made for a newer app/],
  },
  {
    name: 'a missing language',
    make: (v) => {
      const files = defaultPackFiles()
      const manifest = manifestFor(files) as { exhibits: { title: Record<string, string> }[] }
      delete manifest.exhibits[0]!.title.en
      return save(v, 'language.songpack', craftedPack(files, [], manifest))
    },
    reasons: [/manifest\.json#\/exhibits\/0\/title\/en: the "en" text is missing/],
  },
  {
    name: 'a dangling media reference',
    make: (v) => {
      const files = defaultPackFiles()
      return save(
        v,
        'dangling.songpack',
        craftedPack(files, [], manifestFor(files, { image: 'images/nowhere.png' })),
      )
    },
    reasons: [
      /manifest\.json#\/exhibits\/0\/image: refers to "images\/nowhere\.png", which is not in "files"/,
    ],
  },
  {
    name: 'a pack that needs a newer app',
    make: (v) => {
      const files = defaultPackFiles()
      return save(
        v,
        'min-app.songpack',
        craftedPack(files, [], { ...manifestFor(files), minAppVersion: '99.0.0' }),
      )
    },
    reasons: [/manifest\.json#\/minAppVersion: needs app version 99\.0\.0 or newer/],
  },
  {
    name: 'a signature that is not a signature',
    make: (v) => {
      const files = defaultPackFiles()
      return save(
        v,
        'garbage-sig.songpack',
        craftZip([
          { name: 'manifest.json', data: manifestBytesOf(manifestFor(files)) },
          { name: 'manifest.sig', data: Buffer.from('not base64 at all!') },
          ...Object.entries(files).map(([name, data]) => ({ name, data })),
        ]),
      )
    },
    reasons: [/manifest\.sig: not an Ed25519 signature/],
  },
  {
    name: 'a pack signed by an untrusted key',
    make: (v) => {
      const files = defaultPackFiles()
      return writeYazlPack(
        path.join(v.inbox, 'untrusted.songpack'),
        packEntries(manifestFor(files), files, otherKey.privateKey),
      )
    },
    reasons: [/manifest\.sig: does not verify: this pack is not signed by a key this kiosk trusts/],
  },
  {
    name: 'a tampered manifest under a valid-looking signature',
    make: (v) => {
      const files = defaultPackFiles()
      const signed = manifestBytesOf(manifestFor(files))
      const tampered = manifestBytesOf({ ...manifestFor(files), publisher: 'Someone else' })
      return save(
        v,
        'tampered.songpack',
        craftZip([
          { name: 'manifest.json', data: tampered },
          { name: 'manifest.sig', data: signatureOf(signed, key.privateKey) },
          ...Object.entries(files).map(([name, data]) => ({ name, data })),
        ]),
      )
    },
    reasons: [/manifest\.sig: does not verify: this pack is not signed by a key this kiosk trusts/],
  },
  {
    name: 'an unsigned pack where signatures are required',
    make: (v) => {
      const files = defaultPackFiles()
      return writeYazlPack(
        path.join(v.inbox, 'unsigned.songpack'),
        packEntries(manifestFor(files), files),
      )
    },
    reasons: [/manifest\.sig: missing: this pack is not signed by a key this kiosk trusts/],
  },
  {
    name: 'a truncated archive',
    make: async (v) => {
      const files = defaultPackFiles()
      const whole = await writeYazlPack(
        path.join(v.root, 'whole.songpack'),
        packEntries(manifestFor(files), files, key.privateKey),
      )
      const bytes = await readFile(whole)
      return save(v, 'truncated.songpack', bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    },
    reasons: [/truncated\.songpack: not a readable ZIP archive/],
  },
  {
    name: 'a file that is not a zip at all',
    make: (v) =>
      save(v, 'notes.songpack', Buffer.from('These are meeting notes, not a pack.\n'.repeat(20))),
    reasons: [/notes\.songpack: not a readable ZIP archive/],
  },
  {
    name: 'more than 20,000 entries',
    make: (v) =>
      save(
        v,
        'many.songpack',
        craftZip(
          Array.from({ length: 20_001 }, (_, i) => ({
            name: `f/${i}.txt`,
            method: 'store' as const,
          })),
        ),
      ),
    reasons: [/many\.songpack: refused: the archive holds 20001 entries, more than 20000/],
  },
  {
    name: 'a total size over the limit',
    make: (v) => {
      const files = defaultPackFiles()
      const manifest = manifestFor(files)
      const table = manifest.files as Record<string, { size: number; sha256: string }>
      table['video/a.mp4'] = { size: 3 * 1024 ** 3, sha256: '0'.repeat(64) }
      table['video/b.mp4'] = { size: 3 * 1024 ** 3, sha256: '0'.repeat(64) }
      return save(v, 'total.songpack', craftedPack(files, [], manifest))
    },
    reasons: [
      /total\.songpack: refused: \d+ bytes uncompressed, more than the limit of 4294967296/,
    ],
  },
]

describe('songyun pack install: a bad archive is rejected and changes nothing', () => {
  const makeRoot = useTempDirs()

  it.each(badCases)('$name', async ({ make, reasons }) => {
    const venue = await venueWithInstalledPack(makeRoot)
    const archive = await make(venue)
    const before = await snapshotTree(venue.root)

    const run = await runSongyun(['pack', 'install', archive, '--data-dir', venue.dataDir])

    expect(run.exitCode).toBe(1)
    for (const reason of reasons) expect(run.stderr).toMatch(reason)
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/) // no stack trace
    expect(await snapshotTree(venue.root)).toEqual(before)
    expect(existsSync(path.join(path.dirname(venue.root), 'escaped.txt'))).toBe(false)
    expect(existsSync('/Windows/evil.txt')).toBe(false)
  })

  it('lists every problem of a pack with several, in the --json result too', async () => {
    const venue = await venueWithInstalledPack(makeRoot)
    const files = defaultPackFiles()
    const archive = await save(
      venue,
      'several.songpack',
      craftedPack(
        files,
        [
          { name: 'extra.txt', data: Buffer.from('x') },
          { name: '../up.txt', data: Buffer.from('x') },
        ],
        manifestFor(files, { image: 'images/gone.png' }),
      ),
    )
    const run = await runSongyun([
      'pack',
      'install',
      archive,
      '--data-dir',
      venue.dataDir,
      '--json',
    ])
    expect(run.exitCode).toBe(1)
    const result = JSON.parse(run.stdout) as {
      ok: boolean
      error: { problems: { path: string }[] }
    }
    expect(result.ok).toBe(false)
    expect(result.error.problems.map((p) => p.path).sort()).toEqual(
      ['../up.txt', 'extra.txt', 'manifest.json#/exhibits/0/image'].sort(),
    )
  })
})

describe('songyun pack install: archives from common tools install', () => {
  const makeRoot = useTempDirs()

  async function expectInstalled(
    venue: Venue,
    archive: string,
    version: string,
    extraArgs: string[] = [],
  ) {
    const run = await runSongyun([
      'pack',
      'install',
      archive,
      '--data-dir',
      venue.dataDir,
      ...extraArgs,
    ])
    expect(run.stderr).toBe('')
    expect(run.exitCode).toBe(0)
    const list = JSON.parse(
      (await runSongyun(['pack', 'list', '--data-dir', venue.dataDir, '--json'])).stdout,
    ) as {
      result: { packs: { id: string; activeVersion: string; rollbackVersion?: string }[] }
    }
    expect(list.result.packs).toEqual([
      expect.objectContaining({
        id: 'test.pack',
        activeVersion: version,
        rollbackVersion: '1.0.0',
      }),
    ])
    const verify = await runSongyun(['pack', 'verify', '--data-dir', venue.dataDir])
    expect(verify.exitCode).toBe(0)
  }

  it('GBK names without the UTF-8 flag (Windows Explorer on a Chinese system)', async () => {
    const venue = await venueWithInstalledPack(makeRoot)
    const files = defaultPackFiles('gbk')
    const manifest = manifestFor(files, { version: '1.1.0' })
    const manifestBytes = manifestBytesOf(manifest)
    const archive = await save(
      venue,
      'gbk.zip',
      craftZip([
        { name: 'manifest.json', data: manifestBytes },
        { name: 'manifest.sig', data: signatureOf(manifestBytes, key.privateKey) },
        { name: 'images/bowl.png', data: files['images/bowl.png'] },
        {
          name: iconv.encode('audio/清明.ogg', 'gbk'),
          data: files['audio/清明.ogg'],
          utf8Flag: false,
        },
      ]),
    )
    await expectInstalled(venue, archive, '1.1.0')
    const installed = await readFile(
      path.join(
        venue.dataDir,
        'packs',
        'versions',
        'test.pack',
        (await import('node:fs'))
          .readdirSync(path.join(venue.dataDir, 'packs', 'versions', 'test.pack'))
          .find((f) => f.startsWith('1.1.0'))!,
        'audio',
        '清明.ogg',
      ),
    )
    expect(installed.equals(files['audio/清明.ogg']!)).toBe(true)
  })

  it('macOS junk, Windows junk and directory entries are skipped; stored entries read', async () => {
    const venue = await venueWithInstalledPack(makeRoot)
    const files = defaultPackFiles('junk')
    const manifestBytes = manifestBytesOf(manifestFor(files, { version: '1.2.0' }))
    const archive = await save(
      venue,
      'finder.zip',
      craftZip([
        { name: 'images/', unixMode: 0o040755 },
        { name: 'manifest.json', data: manifestBytes, method: 'store' },
        { name: 'manifest.sig', data: signatureOf(manifestBytes, key.privateKey), method: 'store' },
        { name: 'images/bowl.png', data: files['images/bowl.png'], method: 'store' },
        { name: 'audio/清明.ogg', data: files['audio/清明.ogg'] },
        { name: '__MACOSX/images/._bowl.png', data: Buffer.from('resource fork') },
        { name: 'images/._bowl.png', data: Buffer.from('apple double') },
        { name: '.DS_Store', data: Buffer.from('finder') },
        { name: 'images/Thumbs.db', data: Buffer.from('thumbs') },
        { name: 'desktop.ini', data: Buffer.from('[.ShellClassInfo]') },
      ]),
    )
    await expectInstalled(venue, archive, '1.2.0')
  })

  it.runIf(hasSystemZip)(
    'Info-ZIP zip of a folder (a wrapper folder) and of its contents',
    async () => {
      const venue = await venueWithInstalledPack(makeRoot)
      const files = defaultPackFiles('zip')
      const folder = await writePackFolder(
        path.join(venue.root, 'src', 'My Pack'),
        packEntries(manifestFor(files, { version: '1.3.0' }), files, key.privateKey),
      )
      const wrapped = path.join(venue.inbox, 'wrapped.zip')
      execFileSync('zip', ['-r', '-q', wrapped, 'My Pack'], { cwd: path.dirname(folder) })
      await expectInstalled(venue, wrapped, '1.3.0')

      const files2 = defaultPackFiles('zip2')
      const folder2 = await writePackFolder(
        path.join(venue.root, 'src2'),
        packEntries(manifestFor(files2, { version: '1.4.0' }), files2, key.privateKey),
      )
      const flat = path.join(venue.inbox, 'flat.songpack')
      execFileSync('zip', ['-r', '-q', '-X', flat, '.'], { cwd: folder2 })
      const run = await runSongyun(['pack', 'install', flat, '--data-dir', venue.dataDir])
      expect(run.exitCode).toBe(0)
      expect(run.stdout).toContain('Installed test.pack 1.4.0 (was 1.3.0')
    },
  )

  it.runIf(hasTool('7z'))('7-Zip', async () => {
    const venue = await venueWithInstalledPack(makeRoot)
    const files = defaultPackFiles('7z')
    const folder = await writePackFolder(
      path.join(venue.root, 'src7z'),
      packEntries(manifestFor(files, { version: '1.5.0' }), files, key.privateKey),
    )
    const archive = path.join(venue.inbox, 'seven.zip')
    execFileSync('7z', ['a', '-tzip', '-bd', '-bso0', archive, '.'], { cwd: folder })
    await expectInstalled(venue, archive, '1.5.0')
  })

  it.runIf(hasTool('python3'))("Python's zipfile", async () => {
    const venue = await venueWithInstalledPack(makeRoot)
    const files = defaultPackFiles('python')
    const folder = await writePackFolder(
      path.join(venue.root, 'srcpy'),
      packEntries(manifestFor(files, { version: '1.6.0' }), files, key.privateKey),
    )
    const archive = path.join(venue.inbox, 'python.zip')
    const script = [
      'import os, sys, zipfile',
      'src, out = sys.argv[1], sys.argv[2]',
      'with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:',
      '    for root, _, names in os.walk(src):',
      '        for name in names:',
      '            full = os.path.join(root, name)',
      '            z.write(full, os.path.relpath(full, src))',
    ].join('\n')
    execFileSync('python3', ['-c', script, folder, archive])
    await expectInstalled(venue, archive, '1.6.0')
  })

  it('a plain pack folder, and an unsigned pack with --allow-unsigned', async () => {
    const venue = await venueWithInstalledPack(makeRoot)
    const files = defaultPackFiles('folder')
    const folder = await writePackFolder(
      path.join(venue.root, 'folder-pack'),
      packEntries(manifestFor(files, { version: '2.0.0' }), files),
    )
    const refused = await runSongyun(['pack', 'install', folder, '--data-dir', venue.dataDir])
    expect(refused.exitCode).toBe(1)
    await expectInstalled(venue, folder, '2.0.0', ['--allow-unsigned'])
  })
})
