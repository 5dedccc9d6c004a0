import path from 'node:path'
import type { Plugin } from 'vite'

/** A built script as this check reads it (a subset of the bundler's output chunk). */
export interface BuiltScript {
  readonly fileName: string
  readonly isEntry: boolean
  /** Files of the scripts it imports statically: the page loads them before it runs. */
  readonly imports: readonly string[]
  /** Ids of the source modules bundled into it. */
  readonly moduleIds: readonly string[]
}

/** Who imports a source module, as the bundler's module graph says. */
export interface ModuleImporters {
  readonly importers: readonly string[]
  readonly dynamicImporters: readonly string[]
}

/** The entry script and every script it imports statically, in load order: what the first screen loads. */
export function firstScreenScripts(scripts: readonly BuiltScript[]): BuiltScript[] {
  const byFile = new Map(scripts.map((script) => [script.fileName, script]))
  const loaded: BuiltScript[] = []
  const visit = (script: BuiltScript | undefined) => {
    if (!script || loaded.includes(script)) return
    loaded.push(script)
    for (const file of script.imports) visit(byFile.get(file))
  }
  for (const entry of scripts.filter((script) => script.isEntry)) visit(entry)
  return loaded
}

/**
 * Modules the first screen imports lazily that lazy chunks also import statically. One such
 * module made the bundler move its runtime helpers into a chunk of their own, which the entry
 * then loads before the first screen (a fourth script: see docs/performance.md, "The first
 * screen's scripts"): these are the suspects named when the budget is exceeded.
 */
export function lazilySharedModules(
  firstScreenModuleIds: ReadonlySet<string>,
  importersOf: (moduleId: string) => ModuleImporters | undefined,
  allModuleIds: readonly string[],
): { moduleId: string; lazyImporters: string[]; staticImporters: string[] }[] {
  return allModuleIds.flatMap((moduleId) => {
    const graph = importersOf(moduleId)
    if (!graph || firstScreenModuleIds.has(moduleId)) return []
    const lazyImporters = graph.dynamicImporters.filter((id) => firstScreenModuleIds.has(id))
    const staticImporters = graph.importers.filter((id) => !firstScreenModuleIds.has(id))
    return lazyImporters.length > 0 && staticImporters.length > 0
      ? [{ moduleId, lazyImporters, staticImporters }]
      : []
  })
}

/**
 * The error a build over its first-screen script budget fails with (undefined within it): which
 * scripts the first screen loads and what they hold, which modules are the likely cause, and
 * what to do.
 */
export function firstScreenBudgetError(
  scripts: readonly BuiltScript[],
  importersOf: (moduleId: string) => ModuleImporters | undefined,
  maxScripts: number,
  root: string,
): string | undefined {
  const loaded = firstScreenScripts(scripts)
  if (loaded.length <= maxScripts) return undefined
  const name = (moduleId: string) =>
    moduleId.includes('rolldown/runtime') || moduleId.startsWith('\0')
      ? "the bundler's runtime helpers"
      : path.relative(root, moduleId.split('?')[0]!).split(path.sep).join('/')
  const firstScreenModuleIds = new Set(loaded.flatMap((script) => script.moduleIds))
  const suspects = lazilySharedModules(
    firstScreenModuleIds,
    importersOf,
    scripts.flatMap((script) => script.moduleIds),
  )
  const lines = [
    `The first screen would load ${loaded.length} scripts; its budget is ${maxScripts} ` +
      `(tests/e2e/firstScreen.spec.ts, docs/performance.md "The first screen's scripts"):`,
    ...loaded.map(
      (script) =>
        `  ${script.fileName}: ${[...new Set(script.moduleIds.map(name))].slice(0, 4).join(', ')}` +
        (script.moduleIds.length > 4 ? `, … (${script.moduleIds.length} modules)` : ''),
    ),
  ]
  if (suspects.length > 0)
    lines.push(
      'Imported lazily by the first screen and statically by lazy chunks (the usual cause):',
      ...suspects.map(
        (suspect) =>
          `  ${name(suspect.moduleId)}: lazily by ${suspect.lazyImporters.map(name).join(', ')}; ` +
          `statically by ${suspect.staticImporters.map(name).slice(0, 3).join(', ')}`,
      ),
    )
  lines.push(
    'What to do: let the first screen reach each lazily loaded module through one dynamic import,',
    'e.g. re-export what it needs from a module it already imports lazily, instead of a second',
    'import() of a module lazy chunks share; or import it statically if the first screen needs it.',
    'Raise the budget (vite.config.ts) only with a serve-start bench run that shows the cost.',
  )
  return lines.join('\n')
}

/**
 * Fails the build when the first screen (the HTML entry and the scripts it imports statically)
 * would load more than `maxScripts` scripts: each is a round trip before the attract screen is
 * interactive, and a split the bundler makes on its own is otherwise only seen in the e2e run.
 */
export function firstScreenScriptBudget(maxScripts: number): Plugin {
  return {
    name: 'songyun:first-screen-script-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const scripts = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk'
          ? [
              {
                fileName: output.fileName,
                isEntry: output.isEntry,
                imports: output.imports,
                moduleIds: output.moduleIds,
              },
            ]
          : [],
      )
      const error = firstScreenBudgetError(
        scripts,
        (moduleId) => this.getModuleInfo(moduleId) ?? undefined,
        maxScripts,
        process.cwd(),
      )
      if (error) this.error(error)
    },
  }
}
