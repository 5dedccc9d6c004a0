// Flat ESLint config. The import boundaries are the architecture (docs/architecture.md "The lint
// zones"): src/ is runtime-neutral, renderer/ never reaches main/ or electron, scenes never import Vue.
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'
import { importX } from 'eslint-plugin-import-x'
import vitest from '@vitest/eslint-plugin'
import eslintConfigPrettier from 'eslint-config-prettier'
import globals from 'globals'
import { readdirSync } from 'node:fs'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

/** The exhibit folders of a layer (one name per exhibit in every layer). */
const exhibitFolders = (layer) =>
  readdirSync(new URL(`./${layer}/exhibits`, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `./${layer}/exhibits/${entry.name}`)
// An exhibit imports no other exhibit: what two share lives outside both.
const exhibitIsolationZones = ['src', 'renderer'].flatMap((layer) =>
  exhibitFolders(layer).map((target, _, all) => ({
    target,
    from: all.filter((other) => other !== target),
    message: 'An exhibit imports no other exhibit; move what both need out of the exhibit folders.',
  })),
)
// Only the stores and the two service adapters (analytics, health log) reach the services.
const bridgeFreeTargets = [
  './renderer/App.vue',
  './renderer/views',
  './renderer/components',
  './renderer/admin',
  './renderer/scenes',
  './renderer/audio',
  './renderer/attract',
  './renderer/startup',
  './renderer/i18n',
  './renderer/diagnostics',
  ...exhibitFolders('renderer'),
  './renderer/exhibits/exhibitPorts.ts',
  './renderer/exhibits/exhibitRegistry.ts',
  './renderer/exhibits/exhibitComponent.ts',
]

const runtimeModules = [
  'electron',
  'vue',
  'pinia',
  'three',
  'three/*',
  'howler',
  'vue-i18n',
  'node:*',
]
// The shared scene host and each exhibit's scene folder: Three.js only.
const sceneFolders = [
  './renderer/scenes',
  './renderer/exhibits/woodblockPrinting/scene',
  './renderer/exhibits/teaWhisking/scene',
  './renderer/exhibits/folkMusic/scene',
]

// `import { z } from 'zod'` keeps zod's whole classic API with its JSON-schema code and locales in
// the Node bundle (756 kB that `songyun serve` compiled before its services could answer); the
// namespace import is tree-shaken to what the schemas use (docs/performance.md).
const zodNamespaceImport = {
  selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
  message: "Write `import * as z from 'zod'` (the named `z` keeps all of zod in the bundle).",
}
// What no scene file imports (useHostedScene.ts, the composable, has its own list).
const sceneImportPatterns = ['electron', 'node:*', 'vue', 'pinia', 'vue-i18n', '*.vue']
// Scene folders whose code may run in a worker that draws on an OffscreenCanvas
// (docs/performance.md, "Drawing in a worker"): no page-only globals or DOM types. A scene folder
// joins once its input comes through a ScenePointerSource and its canvases are OffscreenCanvases.
const workerReadySceneFiles = [
  'renderer/exhibits/woodblockPrinting/scene/**/*.ts',
  'renderer/exhibits/teaWhisking/scene/**/*.ts',
]
const workerReadyMessage =
  'Worker-ready scene code uses no page-only API: new OffscreenCanvas(w, h), a FontFaceSet passed in, a ScenePointerSource (docs/performance.md, "Drawing in a worker").'
const pageOnlyGlobals = [
  'window',
  'document',
  'HTMLCanvasElement',
  'HTMLElement',
  'HTMLImageElement',
  'Image',
  'PointerEvent',
  'localStorage',
  'sessionStorage',
  'matchMedia',
  'getComputedStyle',
  'innerWidth',
  'innerHeight',
  'devicePixelRatio',
  'ResizeObserver',
]
const pageOnlyTypes = [
  { selector: 'TSTypeReference[typeName.name=/^HTML\\w*Element$/]', message: workerReadyMessage },
  {
    selector:
      'TSTypeReference[typeName.name=/^(CanvasRenderingContext2D|PointerEvent|MouseEvent|TouchEvent|Document|Window)$/]',
    message: workerReadyMessage,
  },
]

export default defineConfigWithVueTs(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'tests/fixtures/lint/**',
      'docs/schema/**',
    ],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommendedTypeChecked,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: [
            'tsconfig.core.json',
            'tsconfig.main.json',
            'tsconfig.renderer.json',
            'tsconfig.tests.json',
          ],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      curly: ['error', 'multi-line'],
      eqeqeq: 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'vue/multi-word-component-names': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src',
              from: ['./main', './renderer', './tests'],
              message: 'src/ is the runtime-neutral core.',
            },
            {
              target: './renderer',
              from: './main',
              message: 'Reach the services through renderer/bridge (src/contract).',
            },
            { target: './main', from: './renderer', message: 'main/ never imports the renderer.' },
            {
              target: './main/preload',
              from: './main',
              except: ['./preload', './electron/ipcChannels.ts'],
              message:
                'The preload runs in the renderer process; it may only share the IPC channel names.',
            },
            {
              target: bridgeFreeTargets,
              from: './renderer/bridge',
              message:
                'Only stores (renderer/stores) and the service adapters reach the bridge; views and exhibits use a store or the exhibit ports.',
            },
            ...exhibitIsolationZones,
            ...sceneFolders.map((target) => ({
              target,
              from: [
                './renderer/stores',
                './renderer/views',
                './renderer/components',
                './renderer/bridge',
              ],
              message: 'Scenes are Three.js only: no stores, views or bridge.',
            })),
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'process',
        'require',
        'navigator',
        'Buffer',
      ],
      'no-restricted-imports': [
        'error',
        { patterns: [...runtimeModules, 'fs', 'path', 'os', 'crypto'] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,vue}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'node:*', 'fs', 'path', 'os', 'child_process'] },
      ],
    },
  },
  {
    files: ['renderer/scenes/**/*.ts', 'renderer/exhibits/*/scene/**/*.ts'],
    // useHostedScene is the Vue composable through which components reach the scene host: the
    // one file of the scene folders that imports Vue (never Pinia, stores or the bridge).
    ignores: ['renderer/scenes/useHostedScene.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: sceneImportPatterns }],
    },
  },
  {
    files: ['renderer/scenes/useHostedScene.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'node:*', 'pinia', 'vue-i18n', '*.vue'] },
      ],
    },
  },
  {
    files: ['main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'BrowserWindow', 'app', 'shell', 'protocol', 'session'],
              message: 'The preload only uses contextBridge and ipcRenderer.',
            },
          ],
          patterns: ['node:*'],
        },
      ],
    },
  },
  {
    files: [
      'main/**/*.ts',
      'scripts/**/*.{ts,mjs,js}',
      'bench/**/*.ts',
      'bin/**/*.mjs',
      '*.config.{ts,js}',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/services/**/*.ts', 'main/web/**/*.ts', 'main/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Services and the browser shell run without Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,vue}'],
    rules: { 'no-restricted-syntax': ['error', zodNamespaceImport] },
  },
  {
    files: workerReadySceneFiles,
    rules: {
      'no-restricted-globals': [
        'error',
        ...pageOnlyGlobals.map((name) => ({ name, message: workerReadyMessage })),
      ],
      // The page side of scene hosting (the canvas element's events and layout) stays out too.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: sceneImportPatterns },
            {
              group: ['**/scenes/domPointerSource', '**/scenes/canvasListener'],
              message: workerReadyMessage,
            },
          ],
        },
      ],
      // Repeats the zod rule: a later block's options replace an earlier block's.
      'no-restricted-syntax': ['error', zodNamespaceImport, ...pageOnlyTypes],
    },
  },
  {
    files: ['tests/**/*.ts'],
    plugins: { vitest },
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
    },
  },
  {
    // Type-aware linting (typescript-eslint's recommendedTypeChecked, above): a promise nobody
    // awaits or catches, one handed where a plain function is expected, an assertion the types
    // already prove. Intended fire-and-forget is written `void promise`.
    files: ['**/*.{ts,vue}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // An `async` handler without `await` is how a request handler or a fake turns a thrown
      // error into a rejected promise, which the IPC and HTTP layers (and tests) rely on.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests save and spy on prototype methods (`vi.spyOn`, `expect(api.method)`), never call
    // them unbound.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  eslintConfigPrettier,
)
