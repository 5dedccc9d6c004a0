import { performance } from 'node:perf_hooks'
import { launchKioskBrowser } from './support/kioskBrowser'
import { startBareStaticServer, startKioskServer } from './support/kioskServer'
import { percentile } from './support/pageProbes'
const roots = { before: '/tmp/startprobe/before', after: '/work/wt-start' }
const b = await launchKioskBrowser()
const samples: Record<string, number[]> = { bare: [], before: [], after: [] }
const servers = { before: await startKioskServer(undefined, { appRoot: roots.before }), after: await startKioskServer(undefined, { appRoot: roots.after }) }
for (const s of Object.values(servers)) { const p = await b.newColdPage(); await p.goto(s.url); await p.locator('[data-screen="attract"]').waitFor(); await p.context().close() }
for (let run = 0; run < Number(process.argv[2] ?? 5); run++) {
  const t0 = performance.now(); const bare = await startBareStaticServer(); const bp = await b.newColdPage(); await bp.goto(bare.url)
  await bp.locator('[data-screen="bare"]').waitFor({ state: 'visible' }); await bp.waitForFunction(() => document.readyState === 'complete')
  samples.bare!.push(performance.now() - t0); await bp.context().close(); await bare.stop()
  for (const side of ['before', 'after'] as const) {
    const t = performance.now(); await servers[side].restart(); const p = await b.newColdPage(); await p.goto(servers[side].url)
    await p.locator('[data-screen="attract"]').waitFor({ state: 'visible' }); await p.waitForFunction(() => document.readyState === 'complete')
    samples[side]!.push(performance.now() - t); await p.context().close()
  }
  console.log(`run ${run + 1}: bare ${samples.bare!.at(-1)!.toFixed(0)} before ${samples.before!.at(-1)!.toFixed(0)} after ${samples.after!.at(-1)!.toFixed(0)}`)
}
const bareMs = percentile(samples.bare!, 0.5)
for (const side of ['before', 'after']) { const m = percentile(samples[side]!, 0.5); console.log(`${side}: median ${m.toFixed(0)} ms, bare ${bareMs.toFixed(0)} ms, ratio ${(m / bareMs).toFixed(2)}`) }
for (const s of Object.values(servers)) await s.stop()
await b.close()
