import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { BenchCase } from '../benchCase'
import { silentLogger } from '../../main/services/logger'
import { buildPackArchive } from '../../main/services/packs/packBuilder'
import { generateSigningKeyPair, parsePrivateKey } from '../../main/services/packs/packSigningKeys'
import { PackStore } from '../../main/services/packs/packStore'
import { systemClock } from '../../src/time/clock'
import type { RequestError } from '../../src/contract/requestError'

const mebibyte = 1024 * 1024
const rounds = 2

/**
 * Installs a generated, signed pack of about 210 MB (mostly incompressible media, stored, and
 * some text, deflated) and, in the same run, extracts the same archive with `unzip -q` and hashes
 * every file with `sha256sum`: the install must cost at most 1.3× that. Best of two rounds each.
 */
const packInstall: BenchCase = {
  name: 'pack-install',
  description: 'songyun pack install of a ≥ 200 MB pack vs unzip -q + sha256sum of every file',
  async run({ scratchDir, log }) {
    const source = path.join(scratchDir, 'source')
    const files: Record<string, Buffer> = {}
    for (let i = 0; i < 90; i++) files[`media/photo-${i}.png`] = randomBytes(2 * mebibyte)
    for (let i = 0; i < 10; i++) {
      const line = `第${i}段 Song whisked tea, woodblock printing and folk music; line `
      files[`texts/notes-${i}.txt`] = Buffer.from(
        Array.from({ length: (2 * mebibyte) / 64 }, (_, n) => `${line}${n}\n`.slice(0, 64)).join(
          '',
        ),
      )
    }
    for (const [name, bytes] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(source, name)), { recursive: true })
      await writeFile(path.join(source, name), bytes)
    }
    await writeFile(
      path.join(source, 'manifest.json'),
      JSON.stringify({
        format: 'songyun-pack',
        formatVersion: 1,
        id: 'bench.pack',
        version: '1.0.0',
        title: { 'zh-CN': '基准', en: 'Benchmark' },
        publisher: 'bench',
        createdAt: '2026-11-28T00:00:00Z',
        languages: ['zh-CN', 'en'],
        exhibits: [
          {
            kind: 'tea-whisking',
            id: 'tea',
            title: { 'zh-CN': '点茶', en: 'Tea' },
            teaser: { 'zh-CN': '点茶', en: 'Tea' },
            image: 'media/photo-0.png',
            stations: [
              { id: 's', title: { 'zh-CN': '一', en: 'One' }, hint: { 'zh-CN': '一', en: 'One' } },
            ],
          },
        ],
        files: {},
      }),
    )
    const keys = generateSigningKeyPair()
    const archive = path.join(scratchDir, 'bench.songpack')
    await buildPackArchive(source, archive, {
      appVersion: '0.1.0',
      privateKey: parsePrivateKey(keys.privateKeyPem),
    })
    await rm(source, { recursive: true, force: true })
    const archiveBytes = (await stat(archive)).size
    const uncompressedBytes = Object.values(files).reduce((sum, b) => sum + b.length, 0)
    log(
      `archive ${(archiveBytes / mebibyte).toFixed(0)} MiB, ${(uncompressedBytes / mebibyte).toFixed(0)} MiB uncompressed`,
    )
    await readFile(archive) // warm the page cache for both contenders alike

    let installMs = Infinity
    let baselineMs = Infinity
    for (let round = 0; round < rounds; round++) {
      const extracted = path.join(scratchDir, `unzipped-${round}`)
      const startedBaseline = performance.now()
      execFileSync('sh', [
        '-c',
        'unzip -q "$1" -d "$2" && find "$2" -type f -exec sha256sum {} + > /dev/null',
        'sh',
        archive,
        extracted,
      ])
      baselineMs = Math.min(baselineMs, performance.now() - startedBaseline)
      await rm(extracted, { recursive: true, force: true })

      const dataDir = path.join(scratchDir, `data-${round}`)
      await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true })
      await writeFile(path.join(dataDir, 'trusted-keys', 'bench.pub'), keys.publicKeyPem)
      const store = new PackStore({
        dataDir,
        appVersion: '0.1.0',
        clock: systemClock,
        logger: silentLogger,
      })
      const startedInstall = performance.now()
      await store.install(archive, { requireSigned: true }).catch((error: RequestError) => {
        for (const problem of error.problems ?? []) log(`${problem.path}: ${problem.message}`)
        throw error
      })
      installMs = Math.min(installMs, performance.now() - startedInstall)
      await rm(dataDir, { recursive: true, force: true })
      log(
        `round ${round + 1}: install ${installMs.toFixed(0)} ms, unzip + sha256sum ${baselineMs.toFixed(0)} ms (best so far)`,
      )
    }
    const ratio = installMs / baselineMs
    return [
      {
        metric: 'pack size (uncompressed)',
        value: Math.round(uncompressedBytes / mebibyte),
        unit: 'MiB',
      },
      { metric: 'unzip -q + sha256sum', value: Math.round(baselineMs), unit: 'ms' },
      {
        metric: 'songyun pack install',
        value: Math.round(installMs),
        unit: 'ms',
        baseline: Math.round(baselineMs),
        ratio,
        target: '≤ 1.3×',
        isWithinTarget: ratio <= 1.3,
      },
    ]
  },
}

export default packInstall
