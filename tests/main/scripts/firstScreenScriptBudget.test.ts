import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { describe, expect, it } from 'vitest'
import viteConfig from '../../../vite.config'
import {
  type BuiltScript,
  firstScreenBudgetError,
  firstScreenScriptBudget,
  firstScreenScripts,
  type ModuleImporters,
} from '../../../scripts/vite/firstScreenScriptBudget'

const root = '/repo'
const at = (file: string) => `${root}/${file}`

// The build that once failed firstScreen.spec in CI, in small: the menu's registry imported the
// scene host lazily and, by a second import(), the renderer capability the host imports
// statically; the bundler moved its runtime helpers into a chunk the entry then loaded first.
const scripts: BuiltScript[] = [
  {
    fileName: 'assets/index.js',
    isEntry: true,
    imports: ['assets/kioskPorts.js', 'assets/rolldown-runtime.js'],
    moduleIds: [
      '\0rolldown/runtime.js',
      at('renderer/main.ts'),
      at('renderer/exhibits/exhibitRegistry.ts'),
    ],
  },
  {
    fileName: 'assets/kioskPorts.js',
    isEntry: false,
    imports: [],
    moduleIds: [at('renderer/stores/kioskPorts.ts')],
  },
  {
    fileName: 'assets/rolldown-runtime.js',
    isEntry: false,
    imports: [],
    moduleIds: ['\0rolldown/runtime.js'],
  },
  {
    fileName: 'assets/pageHostedSceneHost.js',
    isEntry: false,
    imports: ['assets/rendererCapability.js', 'assets/rolldown-runtime.js'],
    moduleIds: [at('renderer/scenes/pageHostedSceneHost.ts')],
  },
  {
    fileName: 'assets/rendererCapability.js',
    isEntry: false,
    imports: ['assets/rolldown-runtime.js'],
    moduleIds: [at('renderer/scenes/rendererCapability.ts')],
  },
]
const graph: Record<string, ModuleImporters> = {
  [at('renderer/scenes/pageHostedSceneHost.ts')]: {
    importers: [],
    dynamicImporters: [at('renderer/exhibits/exhibitRegistry.ts')],
  },
  [at('renderer/scenes/rendererCapability.ts')]: {
    importers: [at('renderer/scenes/pageHostedSceneHost.ts')],
    dynamicImporters: [at('renderer/exhibits/exhibitRegistry.ts')],
  },
  [at('renderer/stores/kioskPorts.ts')]: {
    importers: [at('renderer/main.ts')],
    dynamicImporters: [],
  },
}
const importersOf = (moduleId: string) => graph[moduleId]

describe('the first screen’s script budget', () => {
  it('counts the entry and every script it imports statically, not the lazy chunks', () => {
    expect(firstScreenScripts(scripts).map((script) => script.fileName)).toEqual([
      'assets/index.js',
      'assets/kioskPorts.js',
      'assets/rolldown-runtime.js',
    ])
  })

  it('passes a build within the budget', () => {
    expect(firstScreenBudgetError(scripts, importersOf, 3, root)).toBeUndefined()
  })

  it('fails a build over it, naming the scripts, the module imported both ways and what to do', () => {
    const error = firstScreenBudgetError(scripts, importersOf, 2, root)!
    expect(error).toContain('would load 3 scripts; its budget is 2')
    expect(error).toContain("assets/rolldown-runtime.js: the bundler's runtime helpers")
    expect(error).toContain(
      'renderer/scenes/rendererCapability.ts: lazily by renderer/exhibits/exhibitRegistry.ts; statically by renderer/scenes/pageHostedSceneHost.ts',
    )
    // The host itself is loaded lazily by one import and by nothing else: not a suspect.
    expect(error).not.toContain('renderer/scenes/pageHostedSceneHost.ts: lazily')
    expect(error).toContain(
      'What to do: let the first screen reach each lazily loaded module through one dynamic import',
    )
  })

  it('fails a real build whose entry gains a chunk, and passes it within the budget', async () => {
    const fixture = fileURLToPath(new URL('../../fixtures/firstScreenBudget', import.meta.url))
    const buildWith = (maxScripts: number) =>
      build({
        root: fixture,
        configFile: false,
        logLevel: 'silent',
        plugins: [firstScreenScriptBudget(maxScripts)],
        // The shared words in a chunk of their own, which the entry then imports.
        build: {
          write: false,
          rolldownOptions: {
            output: { codeSplitting: { groups: [{ name: 'sharedWords', test: /sharedWords/ }] } },
          },
        },
      })
    await expect(buildWith(1)).rejects.toThrow(
      /would load 2 scripts; its budget is 1[\s\S]*sharedWords-[\w-]+\.js: tests\/fixtures\/firstScreenBudget\/sharedWords\.ts/,
    )
    await expect(buildWith(2)).resolves.toBeDefined()
  })

  it('runs in the app’s own build', () => {
    const plugins = (viteConfig.plugins ?? []).flat()
    expect(plugins.map((plugin) => plugin && 'name' in plugin && plugin.name)).toContain(
      'songyun:first-screen-script-budget',
    )
  })
})
