// `npm run bench`: runs every case in bench/cases (or those named on the command line), prints a
// table and writes bench/results/latest.json.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { BenchCase, BenchRow } from './benchCase'

const appRoot = fileURLToPath(new URL('..', import.meta.url))
const casesDir = path.join(appRoot, 'bench', 'cases')
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))

const files = (await readdir(casesDir)).filter((f) => f.endsWith('.bench.ts')).sort()
const results: { case: string; rows: readonly BenchRow[]; error?: string }[] = []
for (const file of files) {
  const benchCase = (await import(pathToFileURL(path.join(casesDir, file)).href))
    .default as BenchCase
  if (only.length > 0 && !only.includes(benchCase.name)) continue
  const scratchDir = await mkdtemp(path.join(os.tmpdir(), `songyun-bench-${benchCase.name}-`))
  process.stderr.write(`▶ ${benchCase.name}: ${benchCase.description}\n`)
  try {
    const rows = await benchCase.run({
      appRoot,
      scratchDir,
      log: (m) => process.stderr.write(`  ${m}\n`),
    })
    results.push({ case: benchCase.name, rows })
  } catch (error) {
    results.push({ case: benchCase.name, rows: [], error: (error as Error).stack ?? String(error) })
  } finally {
    await rm(scratchDir, { recursive: true, force: true })
  }
}

const format = (n: number | undefined) =>
  n === undefined ? '' : Number.isInteger(n) ? String(n) : n.toFixed(3)
const table = results.flatMap((r) =>
  r.error
    ? [{ case: r.case, metric: 'ERROR', value: r.error.split('\n')[0] ?? '' }]
    : r.rows.map((row) => ({
        case: r.case,
        metric: row.metric,
        value: `${format(row.value)} ${row.unit}`,
        baseline: format(row.baseline),
        ratio: format(row.ratio),
        target: row.target ?? '',
        ok: row.isWithinTarget === undefined ? '' : row.isWithinTarget ? 'yes' : 'NO',
      })),
)
// eslint-disable-next-line no-console -- the table is what `npm run bench` prints
console.table(table)
await mkdir(path.join(appRoot, 'bench', 'results'), { recursive: true })
await writeFile(
  path.join(appRoot, 'bench', 'results', 'latest.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, node: process.version },
      results,
    },
    null,
    2,
  ),
)
if (results.some((r) => r.error)) process.exitCode = 1
