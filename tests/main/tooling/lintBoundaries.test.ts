import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const appRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Lints a snippet as if it lived at `filePath` and returns the rule ids that fired. */
async function rulesFiredFor(eslint: ESLint, filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${appRoot}${filePath}` })
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message)
}

/** The rules that need type information (eslint.config.js, the project service). */
const typeAwareRules = [
  '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises',
  '@typescript-eslint/await-thenable',
  '@typescript-eslint/no-unnecessary-type-assertion',
]

/** What this test reads of a typescript-eslint rule (its plugin type is ESLint's loose one). */
type RuleWithDocs = { meta: { docs?: { requiresTypeChecking?: boolean } } }

/** Every typescript-eslint rule that needs type information, by its configured name. */
function rulesNeedingTypes(): string[] {
  const { rules } = tseslint.plugin as unknown as { rules: Record<string, RuleWithDocs> }
  return Object.entries(rules)
    .filter(([, rule]) => rule.meta.docs?.requiresTypeChecking === true)
    .map(([name]) => `@typescript-eslint/${name}`)
}

describe('lint is type-aware (recommendedTypeChecked)', () => {
  it('refuses a promise nobody awaits, one handed to a listener, awaiting a plain value, and an assertion the types already prove', async () => {
    // Linted as the text of a file the renderer's tsconfig holds, so the types are real.
    const eslint = new ESLint({ cwd: appRoot })
    const fired = await rulesFiredFor(
      eslint,
      'renderer/stores/provideKioskPorts.ts',
      [
        'async function later(): Promise<number> {',
        '  return 1',
        '}',
        'export async function probe(): Promise<void> {',
        '  later()',
        "  window.addEventListener('click', async () => {",
        '    await later()',
        '  })',
        '  await 1',
        '  void later()',
        '}',
        "const label: string = 'song'",
        'export const sameLabel = label as string',
        '',
      ].join('\n'),
    )
    expect([...fired].sort()).toEqual([...typeAwareRules].sort())
  }, 240_000)
})

describe('lint enforces the layering', () => {
  let eslint: ESLint
  beforeAll(() => {
    // Probe files do not exist on disk, so type-aware parsing (and the rules that need it, tested
    // below) is switched off for them; the boundary rules do not need types.
    eslint = new ESLint({
      cwd: appRoot,
      overrideConfig: {
        languageOptions: { parserOptions: { projectService: false, project: null } },
        rules: Object.fromEntries(rulesNeedingTypes().map((rule) => [rule, 'off'])),
      },
    })
  })

  it('refuses Node, Electron, Vue and three in src/', async () => {
    for (const module of ['node:fs', 'electron', 'vue', 'three', 'howler']) {
      const fired = await rulesFiredFor(
        eslint,
        'src/probe.ts',
        `import '${module}'\nexport const probe = 1\n`,
      )
      expect(fired, module).toContain('no-restricted-imports')
    }
  })

  it('refuses DOM and Node globals in src/', async () => {
    const fired = await rulesFiredFor(
      eslint,
      'src/probe.ts',
      'export const width = window.innerWidth\n',
    )
    expect(fired).toContain('no-restricted-globals')
  })

  it('refuses src/ importing main/ or renderer/', async () => {
    const fired = await rulesFiredFor(
      eslint,
      'src/probe.ts',
      "import { silentLogger } from '../main/services/logger'\nexport const probe = silentLogger\n",
    )
    expect(fired).toContain('import-x/no-restricted-paths')
  })

  it('refuses the renderer importing main/ or electron', async () => {
    const fromMain = await rulesFiredFor(
      eslint,
      'renderer/probe.ts',
      "import { silentLogger } from '../main/services/logger'\nexport const probe = silentLogger\n",
    )
    expect(fromMain).toContain('import-x/no-restricted-paths')
    const fromElectron = await rulesFiredFor(eslint, 'renderer/probe.ts', "import 'electron'\n")
    expect(fromElectron).toContain('no-restricted-imports')
  })

  it('refuses scenes importing Vue or Pinia', async () => {
    for (const module of ['vue', 'pinia']) {
      const fired = await rulesFiredFor(eslint, 'renderer/scenes/probe.ts', `import '${module}'\n`)
      expect(fired, module).toContain('no-restricted-imports')
    }
  })

  it('lets only the scene host composable among the scene files import Vue, and never Pinia', async () => {
    const composable = 'renderer/scenes/useHostedScene.ts'
    expect(await rulesFiredFor(eslint, composable, "import 'vue'\n")).toEqual([])
    expect(await rulesFiredFor(eslint, composable, "import 'pinia'\n")).toContain(
      'no-restricted-imports',
    )
    const scene = 'renderer/exhibits/teaWhisking/scene/probe.ts'
    expect(await rulesFiredFor(eslint, scene, "import 'vue'\n")).toContain('no-restricted-imports')
  })

  it('keeps page-only APIs out of the worker-ready woodblock scene: globals, DOM types, the page side of hosting', async () => {
    const scene = 'renderer/exhibits/woodblockPrinting/scene/probe.ts'
    const cases = [
      ["export const canvas = document.createElement('canvas')\n", 'no-restricted-globals'],
      ['export const width = window.innerWidth\n', 'no-restricted-globals'],
      ['export const ratio = devicePixelRatio\n', 'no-restricted-globals'],
      [
        'export const isCanvas = (value: unknown) => value instanceof HTMLCanvasElement\n',
        'no-restricted-globals',
      ],
      ['export type Canvas = HTMLCanvasElement\n', 'no-restricted-syntax'],
      ['export const x = (event: PointerEvent) => event.clientX\n', 'no-restricted-syntax'],
      ['export type Context = CanvasRenderingContext2D\n', 'no-restricted-syntax'],
      [
        "import { DomPointerSource } from '../../../scenes/domPointerSource'\nexport const probe = DomPointerSource\n",
        'no-restricted-imports',
      ],
    ] as const
    for (const [code, rule] of cases) {
      expect(await rulesFiredFor(eslint, scene, code), code).toContain(rule)
    }
    // What a worker has too is fine: an OffscreenCanvas, a font set passed in, the plain records.
    expect(
      await rulesFiredFor(
        eslint,
        scene,
        [
          "import type { ScenePointerSource } from '../../../scenes/scenePointerInput'",
          'export type Source = ScenePointerSource',
          'export const paint = (fonts: FontFaceSet) => [new OffscreenCanvas(4, 4), fonts]',
          '',
        ].join('\n'),
      ),
    ).toEqual([])
    // The zod rule still holds there (the scene block restates no-restricted-syntax).
    expect(
      await rulesFiredFor(eslint, scene, "import { z } from 'zod'\nexport const probe = z\n"),
    ).toContain('no-restricted-syntax')
  })

  it('lets only stores and the service adapters import the bridge, never a view, component or exhibit', async () => {
    const bridgeImport = (depth: string) =>
      `import { kioskApi } from '${depth}bridge/kioskBridge'\nexport const probe = kioskApi\n`
    for (const file of [
      'renderer/views/Probe.ts',
      'renderer/components/probe.ts',
      'renderer/admin/probe.ts',
    ]) {
      expect(await rulesFiredFor(eslint, file, bridgeImport('../')), file).toContain(
        'import-x/no-restricted-paths',
      )
    }
    const inExhibit = await rulesFiredFor(
      eslint,
      'renderer/exhibits/teaWhisking/probe.ts',
      bridgeImport('../../'),
    )
    expect(inExhibit).toContain('import-x/no-restricted-paths')
    expect(await rulesFiredFor(eslint, 'renderer/stores/probe.ts', bridgeImport('../'))).toEqual([])
  })

  it('refuses an exhibit importing another exhibit, in the core and in the renderer', async () => {
    const inRenderer = await rulesFiredFor(
      eslint,
      'renderer/exhibits/teaWhisking/probe.ts',
      "import { paintPrint } from '../woodblockPrinting/printCanvas'\nexport const probe = paintPrint\n",
    )
    expect(inRenderer).toContain('import-x/no-restricted-paths')
    const inCore = await rulesFiredFor(
      eslint,
      'src/exhibits/woodblockPrinting/probe.ts',
      "import { TeaSession } from '../teaWhisking/teaSession'\nexport const probe = TeaSession\n",
    )
    expect(inCore).toContain('import-x/no-restricted-paths')
  })

  it('refuses services importing electron', async () => {
    const fired = await rulesFiredFor(eslint, 'main/services/probe.ts', "import 'electron'\n")
    expect(fired).toContain('no-restricted-imports')
  })

  it('accepts a file that keeps to its layer', async () => {
    const fired = await rulesFiredFor(
      eslint,
      'src/probe.ts',
      "import { pickText } from './i18n/localizedText'\nexport const probe = pickText\n",
    )
    expect(fired).toEqual([])
  })
})
