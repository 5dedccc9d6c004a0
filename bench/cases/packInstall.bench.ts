import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { BenchCase } from '../benchCase'
import { buildPackArchive } from '../../main/services/packs/packBuilder'
import { generateSigningKeyPair, parsePrivateKey } from '../../main/services/packs/packSigningKeys'

const mebibyte = 1024 * 1024
const rounds = 5

/** The median of some timings. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Installs (with the `songyun pack install` command, a whole process) a generated, signed pack of 200 MiB of incompressible media (25 files of 8 MiB, as
 * real Opus, PNG and JPEG are) and, interleaved with it in the same run, the floor of a
 * crash-safe install: `unzip -q`, `sha256sum` of every file and an fsync of every file and
 * folder (the durable floor), and the same without the fsyncs (the plain floor). The install must
 * cost at most 1.3× the durable floor. Five rounds each, medians.
 */
const packInstall: BenchCase = {
  name: 'pack-install',
  description: 'songyun pack install of a ≥ 200 MB pack vs unzip -q + sha256sum of every file',
  async run({ appRoot, scratchDir, log }) {
    const songyunBin = path.join(appRoot, 'bin', 'songyun.mjs')
    const source = path.join(scratchDir, 'source')
    const files: Record<string, Buffer> = {}
    for (let i = 0; i < 25; i++) files[`media/clip-${i}.opus`] = randomBytes(8 * mebibyte)
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
            image: 'media/clip-0.opus',
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

    const installTimes: number[] = []
    const durableTimes: number[] = []
    const plainTimes: number[] = []
    const floor = (durable: boolean, extracted: string) => {
      const started = performance.now()
      execFileSync('sh', [
        '-c',
        durable
          ? 'unzip -q "$1" -d "$2" && find "$2" -type f -exec sha256sum {} + > /dev/null && find "$2" -exec sync {} +'
          : 'unzip -q "$1" -d "$2" && find "$2" -type f -exec sha256sum {} + > /dev/null',
        'sh',
        archive,
        extracted,
      ])
      return performance.now() - started
    }
    for (let round = 0; round < rounds; round++) {
      const extracted = path.join(scratchDir, `unzipped-${round}`)
      durableTimes.push(floor(true, extracted))
      await rm(extracted, { recursive: true, force: true })
      plainTimes.push(floor(false, extracted))
      await rm(extracted, { recursive: true, force: true })

      const dataDir = path.join(scratchDir, `data-${round}`)
      await mkdir(path.join(dataDir, 'trusted-keys'), { recursive: true })
      await writeFile(path.join(dataDir, 'trusted-keys', 'bench.pub'), keys.publicKeyPem)
      // The whole process, as an operator runs it (node's start and the CLI's loading included),
      // the way the floor is whole processes too.
      const startedInstall = performance.now()
      const installed = spawnSync(
        process.execPath,
        [songyunBin, 'pack', 'install', archive, '--data-dir', dataDir],
        { encoding: 'utf8' },
      )
      installTimes.push(performance.now() - startedInstall)
      if (installed.status !== 0) {
        throw new Error(`songyun pack install failed: ${installed.stderr || installed.stdout}`)
      }
      await rm(dataDir, { recursive: true, force: true })
      log(
        `round ${round + 1}: install ${installTimes.at(-1)!.toFixed(0)} ms, durable floor ${durableTimes.at(-1)!.toFixed(0)} ms, plain floor ${plainTimes.at(-1)!.toFixed(0)} ms`,
      )
    }
    const installMs = median(installTimes)
    const durableMs = median(durableTimes)
    const plainMs = median(plainTimes)
    const ratio = installMs / durableMs
    return [
      {
        metric: 'pack size (uncompressed)',
        value: Math.round(uncompressedBytes / mebibyte),
        unit: 'MiB',
      },
      {
        metric: 'unzip + sha256sum + fsync (durable floor, median)',
        value: Math.round(durableMs),
        unit: 'ms',
      },
      {
        metric:
          'songyun pack install (whole process) vs the plain floor (unzip + sha256sum, median)',
        value: Math.round(installMs),
        unit: 'ms',
        baseline: Math.round(plainMs),
        ratio: installMs / plainMs,
      },
      {
        metric: 'songyun pack install (whole process) vs the durable floor (median)',
        value: Math.round(installMs),
        unit: 'ms',
        baseline: Math.round(durableMs),
        ratio,
        target: '≤ 1.3×',
        isWithinTarget: ratio <= 1.3,
      },
    ]
  },
}

export default packInstall
