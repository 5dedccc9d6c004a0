import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The drawing of the house from its imports: each renderer file and what it imports by a
// relative path (static `import … from`, `export … from` and lazy `import()`).
const appRoot = fileURLToPath(new URL('../../../', import.meta.url))

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|vue)$/.test(name) ? [full] : []
  })
}

function resolveImport(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined
  const base = path.resolve(path.dirname(fromFile), specifier)
  for (const candidate of [base, `${base}.ts`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return path.relative(appRoot, candidate)
    } catch {
      // not this candidate
    }
  }
  return undefined
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every renderer file (relative to the app root) and the files it imports. */
function rendererImportGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(path.join(appRoot, 'renderer'))) {
    const text = readFileSync(file, 'utf8')
    const imports = [...text.matchAll(importPattern)]
      .map((match) => resolveImport(file, match[1] ?? match[2]!))
      .filter((target): target is string => target !== undefined)
    graph.set(path.relative(appRoot, file), imports)
  }
  return graph
}

/** The circles in `graph` among the nodes `isInScope` keeps, each as the path round it. */
function cyclesAmong(
  graph: Map<string, string[]>,
  isInScope: (file: string) => boolean,
): string[][] {
  const cycles: string[][] = []
  const done = new Set<string>()
  const walk = (file: string, trail: string[]) => {
    const seenAt = trail.indexOf(file)
    if (seenAt >= 0) {
      cycles.push([...trail.slice(seenAt), file])
      return
    }
    if (done.has(file)) return
    for (const next of (graph.get(file) ?? []).filter(isInScope)) walk(next, [...trail, file])
    done.add(file)
  }
  for (const file of [...graph.keys()].filter(isInScope)) walk(file, [])
  return cycles
}

const isStore = (file: string) => /^renderer\/stores\/use\w+Store\.ts$/.test(file)

describe('the import graph of the renderer', () => {
  const graph = rendererImportGraph()

  it('finds the stores (the scan itself works)', () => {
    expect([...graph.keys()].filter(isStore).length).toBeGreaterThanOrEqual(6)
    expect(graph.get('renderer/stores/provideKioskPorts.ts')).toContain(
      'renderer/stores/useVisitStore.ts',
    )
  })

  it('has no store importing another store, so no circle among the stores', () => {
    const storeImports = [...graph]
      .filter(([file]) => isStore(file))
      .flatMap(([file, imports]) => imports.filter(isStore).map((target) => `${file} → ${target}`))
    expect(storeImports).toEqual([])
    expect(cyclesAmong(graph, (file) => file.startsWith('renderer/stores/'))).toEqual([])
  })

  it('has no circle anywhere in the renderer', () => {
    expect(cyclesAmong(graph, () => true)).toEqual([])
  })

  it('has no view, component or app shell importing the bridge', () => {
    const viewFiles = [...graph.keys()].filter(
      (file) =>
        file === 'renderer/App.vue' ||
        file.startsWith('renderer/views/') ||
        file.startsWith('renderer/components/') ||
        file.startsWith('renderer/admin/'),
    )
    expect(viewFiles.length).toBeGreaterThan(10)
    const bridgeImports = viewFiles.flatMap((file) =>
      graph
        .get(file)!
        .filter((target) => target.startsWith('renderer/bridge/'))
        .map((target) => `${file} → ${target}`),
    )
    expect(bridgeImports).toEqual([])
  })
})
