import { spawn } from 'node:child_process'
import { copyFile, mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it, vi } from 'vitest'
import { changeLogFile } from '../../../main/services/changeLog'
import { KioskServices } from '../../../main/services/kioskServices'
import type { RequestError } from '../../../src/contract/requestError'
import { runSongyun } from '../packs/support/runSongyun'
import { recordingLogger, useTempDirs } from '../support/tempDataDir'
import { runCliInProcess as songyun } from './support/runCliInProcess'

vi.mock('electron')

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const builtinPackDir = path.join(repoRoot, 'assets', 'packs', 'songyun.core')
const noStaff = { staffSessionToken: undefined }

/** A temp root with an existing (empty) kiosk data folder, a new pack folder and a key pair. */
async function operatorBench(makeDir: () => Promise<string>) {
  const root = await makeDir()
  const dataDir = path.join(root, 'data')
  await mkdir(dataDir)
  const folder = path.join(root, 'autumn')
  expect((await songyun(['pack', 'init', folder])).exitCode).toBe(0)
  return {
    root,
    dataDir,
    folder,
    keyBase: path.join(root, 'keys', 'hzmuseum'),
    kiosk: (...words: string[]) => songyun([...words, '--data-dir', dataDir]),
  }
}

/** The kiosk's services on a data folder, as a restart would start them. */
function startKiosk(dataDir: string) {
  return KioskServices.start({
    dataDir,
    appVersion: '0.1.0',
    shell: 'browser',
    logger: recordingLogger(),
    builtinPackDir,
    removableMediaRoots: [],
  })
}

describe('songyun for an operator: every mistake says what to do next', () => {
  const makeDir = useTempDirs()

  it('pack trust refuses a private key and copies nothing; keygen keeps the private key 0600 and says where it must never go', async () => {
    const { dataDir, keyBase, kiosk } = await operatorBench(makeDir)
    const made = await songyun(['pack', 'keygen', '-o', keyBase])
    expect(made.exitCode).toBe(0)
    expect(made.stdout).toMatch(/PRIVATE.*must never go onto a kiosk/)
    expect((await stat(`${keyBase}.key`)).mode & 0o777).toBe(0o600)

    const refused = await kiosk('pack', 'trust', `${keyBase}.key`)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toContain('this is a PRIVATE key; trust `hzmuseum.pub` instead')
    expect(await readdir(dataDir)).toEqual([])
    // Renamed to look public, the PEM still gives it away.
    await copyFile(`${keyBase}.key`, `${keyBase}-copy.pub`)
    expect((await kiosk('pack', 'trust', `${keyBase}-copy.pub`)).exitCode).toBe(2)
    expect(await readdir(dataDir)).toEqual([])

    expect((await kiosk('pack', 'trust', `${keyBase}.pub`)).exitCode).toBe(0)
    expect(await readdir(path.join(dataDir, 'trusted-keys'))).toEqual(['hzmuseum.pub'])
  })

  it('a --data-dir that does not exist is exit 2 for every command but serve and pack init', async () => {
    const root = await makeDir()
    const missing = path.join(root, 'no-such-kiosk')
    for (const words of [
      ['pack', 'list'],
      ['pack', 'verify'],
      ['pack', 'rollback', 'example.pack'],
      ['pack', 'validate', root],
      [
        'analytics',
        'export',
        '--from',
        '2026-11-01',
        '--to',
        '2026-11-30',
        '-o',
        path.join(root, 'x.csv'),
      ],
      ['mode', 'show'],
      ['mode', 'set', 'closed'],
    ]) {
      const run = await songyun([...words, '--data-dir', missing])
      expect({ words, exitCode: run.exitCode }).toEqual({ words, exitCode: 2 })
      expect(run.stderr).toContain(`--data-dir ${missing}: there is no folder`)
      expect(run.stdout).toBe('')
    }
    const viaEnvironment = await songyun(['pack', 'list'], { SONGYUN_DATA_DIR: missing })
    expect(viaEnvironment.exitCode).toBe(2)
    expect(viaEnvironment.stderr).toContain(`SONGYUN_DATA_DIR=${missing}`)
    expect(await readdir(root)).toEqual([])
    // pack init makes its own folder, whatever --data-dir says.
    expect(
      (await songyun(['pack', 'init', path.join(root, 'p'), '--data-dir', missing])).exitCode,
    ).toBe(0)
    // And the real process ends the same way (no "No packs are installed.", exit 0).
    const spawned = await runSongyun(['pack', 'list', '--data-dir', missing])
    expect(spawned.exitCode).toBe(2)
    expect(spawned.stdout).toBe('')
  })

  it('validate checks a folder as build packs it: an added image passes; build lists, warns and excludes', async () => {
    const { folder, root, kiosk } = await operatorBench(makeDir)
    // The operator adds an image and points the exhibit at it, leaving "files" as it was.
    await copyFile(
      path.join(folder, 'images', 'tea-bowl.png'),
      path.join(folder, 'images', 'autumn.png'),
    )
    const manifestPath = path.join(folder, 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as {
      exhibits: { image: string }[]
    }
    manifest.exhibits[0]!.image = 'images/autumn.png'
    await writeFile(manifestPath, JSON.stringify(manifest, null, 2))
    await writeFile(path.join(folder, 'notes.txt'), 'ask the curator about the bowl')

    const validated = await kiosk('pack', 'validate', folder, '--allow-unsigned')
    expect(validated.stderr).toBe('')
    expect(validated.exitCode).toBe(0)
    expect(validated.stdout).toContain('is valid as `pack build` would pack it')

    const archive = path.join(root, 'autumn.songpack')
    const built = await songyun(['pack', 'build', folder, '-o', archive])
    expect(built.exitCode).toBe(0)
    expect(built.stdout).toContain('packed   images/autumn.png')
    expect(built.stdout).toContain('packed   notes.txt')
    expect(built.stderr).toContain('warning: notes.txt is packed but no exhibit refers to it')
    expect(built.stderr).toContain(
      'warning: images/tea-bowl.png is packed but no exhibit refers to it',
    )
    // What pack init left in: its id and its placeholder image, each with what to do.
    expect(built.stderr).toContain(
      'warning: the id is still "example.pack" from pack init; give the pack its own id',
    )
    expect(built.stderr).toContain(
      'warning: images/autumn.png is still the placeholder image from pack init; replace it',
    )

    await writeFile(path.join(folder, '.songpackignore'), '# drafts\nnotes.txt\n')
    const excluded = await songyun([
      'pack',
      'build',
      folder,
      '-o',
      archive,
      '--exclude',
      'images/tea-bowl.png',
      '--json',
    ])
    expect(excluded.exitCode).toBe(0)
    const result = (
      JSON.parse(excluded.stdout) as {
        result: { packedFiles: { path: string }[]; excludedFiles: string[] }
      }
    ).result
    expect(result.packedFiles.map((f) => f.path)).toEqual(['images/autumn.png'])
    expect(result.excludedFiles).toEqual(['images/tea-bowl.png', 'notes.txt'])
    expect(excluded.stderr).not.toContain('no exhibit refers to it')
  })

  it('a trailing comma in manifest.json is reported with its line, column and fix', async () => {
    const { folder, kiosk } = await operatorBench(makeDir)
    const manifestPath = path.join(folder, 'manifest.json')
    const lines = (await readFile(manifestPath, 'utf8')).split('\n')
    const publisherLine = lines.findIndex((line) => line.includes('"publisher"'))
    // The last member of the object that ends on the next line gets a stray comma.
    const createdAt = lines.findIndex((line) => line.includes('"createdAt"'))
    lines[createdAt] = `${lines[createdAt]!}`
    lines[publisherLine] = lines[publisherLine]!.replace(/,$/, ',,')
    await writeFile(manifestPath, lines.join('\n'))
    const run = await kiosk('pack', 'validate', folder, '--allow-unsigned')
    expect(run.exitCode).toBe(1)
    expect(run.stderr).toMatch(
      new RegExp(
        `manifest.json: not valid JSON: line ${publisherLine + 1}, column \\d+: \`,\` where a "name" in double quotes should be`,
      ),
    )

    lines[publisherLine] = lines[publisherLine].replace(/,,$/, ',')
    const glossary = lines.findIndex((line) => line.includes('"pinyin"'))
    lines[glossary] = `${lines[glossary]!},`
    await writeFile(manifestPath, lines.join('\n'))
    const trailing = await kiosk('pack', 'validate', folder, '--allow-unsigned')
    expect(trailing.exitCode).toBe(1)
    expect(trailing.stderr).toContain(
      `manifest.json: not valid JSON: line ${glossary + 1}, column ${lines[glossary].length}: a trailing comma before \`}\`: delete this comma`,
    )
  })

  it('an unsigned pack names `pack sign` in a terminal, and no flag anywhere else', async () => {
    const { folder, root, dataDir, kiosk } = await operatorBench(makeDir)
    const archive = path.join(root, 'autumn.songpack')
    expect((await songyun(['pack', 'build', folder, '-o', archive])).exitCode).toBe(0)
    const refused = await kiosk('pack', 'install', archive)
    expect(refused.exitCode).toBe(1)
    expect(refused.stderr).toContain(
      'manifest.sig: missing: this pack is not signed by a key this kiosk trusts',
    )
    expect(refused.stderr).toContain(
      `fix: sign it with \`songyun pack sign ${archive} --key NAME.key\``,
    )

    // The admin screen (and the inbox report) get the same problem without any command or flag.
    const services = await startKiosk(dataDir)
    try {
      const error = await services.handlers['packs:install']({ path: archive }, noStaff).catch(
        (e: unknown) => e as RequestError,
      )
      const messages = ((error as RequestError).problems ?? []).map((p) => p.message)
      expect(messages).toEqual(['missing: this pack is not signed by a key this kiosk trusts'])
      expect(messages.join(' ')).not.toMatch(/--|songyun|requireSignedPacks/)
    } finally {
      services.dispose()
    }
  })

  it('analytics export names the flag as typed and the form of a day', async () => {
    const { kiosk, root } = await operatorBench(makeDir)
    const out = path.join(root, 'x.csv')
    const run = await kiosk(
      'analytics',
      'export',
      '--from',
      '1.12.2026',
      '--to',
      '2026-12-31',
      '-o',
      out,
    )
    expect(run.exitCode).toBe(2)
    expect(run.stderr).toContain(
      '--from 1.12.2026: not a day in the form YYYY-MM-DD (e.g. --from 2026-12-01)',
    )
    const impossible = await kiosk(
      'analytics',
      'export',
      '--from',
      '2026-12-01',
      '--to',
      '2026-02-30',
      '-o',
      out,
    )
    expect(impossible.stderr).toContain('--to 2026-02-30: not a day in the form YYYY-MM-DD')
  })

  it('mode set persists across a restart, reaches a running kiosk, and refuses an unknown exhibit naming the ids', async () => {
    const { dataDir, kiosk } = await operatorBench(makeDir)
    const first = await startKiosk(dataDir)
    let exhibitId: string
    try {
      exhibitId = (await first.handlers['content:get'](undefined, noStaff)).exhibits[0]!.exhibit.id
      expect((await kiosk('mode', 'set', 'closed')).stdout).toContain('mode: closed')
      // The running kiosk notices the file change by itself (settings.json is polled).
      await vi.waitFor(
        async () =>
          expect((await first.handlers['mode:get'](undefined, noStaff)).configuredMode).toBe(
            'closed',
          ),
        { timeout: 15_000, interval: 250 },
      )
    } finally {
      first.dispose()
    }
    const restarted = await startKiosk(dataDir)
    try {
      expect((await restarted.handlers['mode:get'](undefined, noStaff)).configuredMode).toBe(
        'closed',
      )
    } finally {
      restarted.dispose()
    }
    expect((await kiosk('mode', 'show')).stdout).toBe('mode: closed\n')

    const unknown = await kiosk('mode', 'set', 'single-exhibit', '--exhibit', 'no-such')
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toContain(
      `--exhibit no-such: no exhibit with this id in the active packs; the exhibits are: ${exhibitId}`,
    )
    expect((await kiosk('mode', 'set', 'single-exhibit')).stderr).toContain(
      'single-exhibit needs --exhibit ID',
    )
    expect((await kiosk('mode', 'set', 'opened')).stderr).toContain(
      '"opened" is not a mode; use one of: open, single-exhibit, closed',
    )
    expect((await kiosk('mode', 'set', 'single-exhibit', '--exhibit', exhibitId)).exitCode).toBe(0)
    expect((await kiosk('mode', 'show', '--json')).stdout).toContain(
      `"singleExhibit": "${exhibitId}"`,
    )
  })

  it('every change (install, rollback, trust, PIN, mode) from a terminal or the admin screen is logged and shown in diagnostics; pack list shows the signer and KB', async () => {
    const { dataDir, folder, root, keyBase, kiosk } = await operatorBench(makeDir)
    expect((await songyun(['pack', 'keygen', '-o', keyBase])).exitCode).toBe(0)
    const archive = path.join(root, 'autumn.songpack')
    expect(
      (await songyun(['pack', 'build', folder, '-o', archive, '--key', `${keyBase}.key`])).exitCode,
    ).toBe(0)
    const trusted = await kiosk('pack', 'trust', `${keyBase}.pub`, '--json')
    const fingerprint = (JSON.parse(trusted.stdout) as { result: { fingerprint: string } }).result
      .fingerprint
    expect((await kiosk('pack', 'install', archive)).exitCode).toBe(0)

    const listed = await kiosk('pack', 'list')
    expect(listed.stdout).toMatch(
      new RegExp(`\\* 1\\.0\\.0  signed by key ${fingerprint}  \\d+ bytes`),
    )
    const manifestPath = path.join(folder, 'manifest.json')
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { version: string }
    await writeFile(manifestPath, JSON.stringify({ ...manifest, version: '1.1.0' }))
    await writeFile(path.join(folder, 'images', 'big.png'), Buffer.alloc(3000))
    expect((await songyun(['pack', 'build', folder, '-o', archive])).exitCode).toBe(0)
    expect((await kiosk('pack', 'install', archive, '--allow-unsigned')).exitCode).toBe(0)
    const second = await kiosk('pack', 'list')
    expect(second.stdout).toMatch(/\* 1\.1\.0  unsigned  3\.1 KB/)
    expect((await kiosk('pack', 'rollback', 'example.pack')).exitCode).toBe(0)
    expect((await kiosk('mode', 'set', 'open')).exitCode).toBe(0)
    const pin = await new Promise<number | null>((resolve) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(repoRoot, 'main', 'cli', 'songyun.ts'),
          'staff',
          'set-pin',
          '--data-dir',
          dataDir,
        ],
        { cwd: repoRoot, stdio: ['pipe', 'ignore', 'ignore'] },
      )
      child.stdin.end('482913\n')
      child.on('close', resolve)
    })
    expect(pin).toBe(0)

    const services = await startKiosk(dataDir)
    try {
      await services.handlers['mode:set']({ mode: 'closed' }, noStaff)
      await services.handlers['staff:change-pin']({ currentPin: '482913', pin: '271828' }, noStaff)
      const log = await readFile(changeLogFile(dataDir), 'utf8')
      const changes = log
        .trim()
        .split('\n')
        .map((line) => line.replace(/^\S+ /, ''))
      expect(changes).toEqual([
        `terminal: trusted key ${fingerprint} (trusted-keys/hzmuseum.pub)`,
        'terminal: installed pack example.pack 1.0.0 from autumn.songpack',
        'terminal: installed pack example.pack 1.1.0 from autumn.songpack (was 1.0.0), unsigned',
        'terminal: rolled back pack example.pack to 1.0.0 (1.1.0 removed)',
        'terminal: mode set to open',
        'terminal: staff PIN set',
        'admin screen: mode set to closed',
        'admin screen: staff PIN changed',
      ])
      const diagnostics = await services.handlers['diagnostics:get'](undefined, noStaff)
      expect(diagnostics.recentChanges.map((line) => line.replace(/^\S+ /, ''))).toEqual(changes)
    } finally {
      services.dispose()
    }
  })
})
