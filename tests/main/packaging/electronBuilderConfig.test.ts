import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'

// Here the packaging tools cannot be downloaded, so `npm run dist` cannot run; this test holds the
// config to what electron-builder itself would accept and to the files it names.
const appRoot = fileURLToPath(new URL('../../../', import.meta.url))
const fromRoot = (relative: string) => path.join(appRoot, relative)

interface FileSet {
  readonly from: string
  readonly to?: string
}
interface TargetSpec {
  readonly target: string
  readonly arch: readonly string[]
}
interface BuilderConfig {
  readonly files: readonly string[]
  readonly extraResources: readonly FileSet[]
  readonly electronFuses: Record<string, boolean>
  readonly directories: { readonly buildResources: string }
  readonly linux: {
    readonly target: readonly TargetSpec[]
    readonly executableName: string
    readonly icon: string
    readonly extraResources: readonly FileSet[]
  }
  readonly deb: { readonly afterInstall: string; readonly afterRemove: string }
  readonly win: { readonly target: readonly TargetSpec[]; readonly icon: string }
}

const configText = readFileSync(fromRoot('electron-builder.yml'), 'utf8')
const config = yaml.load(configText) as BuilderConfig
const schema = JSON.parse(
  readFileSync(fromRoot('node_modules/app-builder-lib/scheme.json'), 'utf8'),
) as object
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
const packageJson = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
  main: string
  homepage?: string
  scripts: Record<string, string>
}

/** Every .ts file under `dir`. */
function listTypeScript(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(dir, name))
}

/** The macros electron-builder substitutes in deb scripts; any other `${name}` stops the build. */
const debScriptMacros = new Set(['executable', 'sanitizedProductName', 'productFilename'])

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own JSON schema", () => {
    const isValid = validate(config)
    expect(validate.errors ?? []).toEqual([])
    expect(isValid).toBe(true)
  })

  it('would be rejected by that schema if it were wrong (the check can fail)', () => {
    expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, runAsNode: 'no' } }),
    ).toBe(false)
    expect(validate({ ...config, linux: { ...config.linux, notAnOption: true } })).toBe(false)
  })

  it('turns off the fuses a kiosk wants off and keeps the app in asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
    expect((config as unknown as { asar: boolean }).asar).toBe(true)
  })

  it('builds deb and AppImage for x64 and arm64, and an nsis installer for Windows', () => {
    const linuxTargets = Object.fromEntries(
      config.linux.target.map((t) => [t.target, [...t.arch].sort()]),
    )
    expect(linuxTargets).toEqual({ deb: ['arm64', 'x64'], AppImage: ['arm64', 'x64'] })
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis'])
    expect([...config.win.target[0]!.arch].sort()).toEqual(['arm64', 'x64'])
  })

  it('names only files and folders that exist', () => {
    const named = [
      config.directories.buildResources,
      config.linux.icon,
      config.win.icon,
      config.deb.afterInstall,
      config.deb.afterRemove,
      ...config.extraResources.map((r) => r.from),
      ...config.linux.extraResources.map((r) => r.from),
    ]
    const missing = named.filter((relative) => !existsSync(fromRoot(relative)))
    expect(missing).toEqual([])
  })

  it('ships the built-in pack as a resource where the Electron shell looks for it', () => {
    const packResource = config.extraResources.find((r) => r.from === 'assets/packs')
    expect(packResource?.to).toBe('packs')
    expect(existsSync(fromRoot('assets/packs/songyun.core/manifest.json'))).toBe(true)
    const locator = readFileSync(fromRoot('main/electron/locatePackagedApp.ts'), 'utf8')
    expect(locator).toContain("path.join(facts.resourcesPath, 'packs', 'songyun.core')")
  })

  it("puts the app's entry, preload and renderer inside app.asar", () => {
    const folders = config.files
      .filter((f) => f.endsWith('/**/*'))
      .map((f) => f.slice(0, -'**/*'.length))
    const isPackaged = (file: string) =>
      config.files.includes(file) || folders.some((dir) => file.startsWith(dir))
    expect(isPackaged('package.json')).toBe(true)
    expect(isPackaged(packageJson.main)).toBe(true)
    expect(isPackaged('out/preload/preload.cjs')).toBe(true)
    expect(isPackaged('out/renderer/index.html')).toBe(true)
    // The deb target refuses to build without a homepage in package.json.
    expect(packageJson.homepage).toMatch(/^https?:\/\//)
  })

  it('leaves out of app.asar only packages the main process never imports', () => {
    const excluded = config.files
      .filter((pattern) => pattern.startsWith('!node_modules/'))
      .flatMap((pattern) => {
        const names = /^!node_modules\/(?:\{([^}]+)\}|([^/]+))\/\*\*$/.exec(pattern)
        expect(names, pattern).not.toBeNull()
        return (names![1] ?? names![2]!).split(',')
      })
    expect(excluded).toContain('three')
    const sources = [...listTypeScript(fromRoot('main')), ...listTypeScript(fromRoot('src'))]
    const imported = new Set(
      sources.flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/from '([^'.][^']*)'/g)].map((m) => {
          const specifier = m[1]!
          const parts = specifier.split('/')
          return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
        }),
      ),
    )
    const scopes = excluded.filter((name) => name.startsWith('@'))
    const clashes = [...imported].filter(
      (name) => excluded.includes(name) || scopes.some((scope) => name.startsWith(`${scope}/`)),
    )
    expect(clashes).toEqual([])
  })

  it('has an `npm run dist` that builds first and then runs electron-builder', () => {
    expect(packageJson.scripts.dist).toMatch(/npm run build && electron-builder/)
  })
})

describe('deb install scripts and autostart files', () => {
  const scripts = () => [config.deb.afterInstall, config.deb.afterRemove]

  it('are executable bash that parses, with only the macros electron-builder defines', () => {
    for (const script of scripts()) {
      expect(statSync(fromRoot(script)).mode & 0o111, script).not.toBe(0)
      expect(() => execFileSync('bash', ['-n', fromRoot(script)])).not.toThrow()
      const macros = [...readFileSync(fromRoot(script), 'utf8').matchAll(/\$\{([a-zA-Z]+)\}/g)].map(
        (m) => m[1]!,
      )
      expect(
        macros.filter((name) => !debScriptMacros.has(name)),
        script,
      ).toEqual([])
    }
  })

  it('sets up the sandbox helper, the XDG autostart entry and the systemd user unit', () => {
    const afterInstall = readFileSync(fromRoot(config.deb.afterInstall), 'utf8')
    expect(afterInstall).toMatch(/chmod 4755 .*chrome-sandbox/)
    expect(afterInstall).toContain('/etc/xdg/autostart/songyun-kiosk.desktop')
    expect(afterInstall).toContain('/usr/lib/systemd/user/songyun-kiosk.service')
    expect(afterInstall).toContain('systemctl --global enable songyun-kiosk.service')
    const afterRemove = readFileSync(fromRoot(config.deb.afterRemove), 'utf8')
    expect(afterRemove).toContain('/etc/xdg/autostart/songyun-kiosk.desktop')
    expect(afterRemove).toContain('systemctl --global disable songyun-kiosk.service')
  })

  it('installs autostart files that exist in the resource folder and start the installed command', () => {
    const systemDir = config.linux.extraResources.find((r) => r.to === 'linux')?.from ?? ''
    const command = `/usr/bin/${config.linux.executableName}`
    const unit = readFileSync(fromRoot(path.join(systemDir, 'songyun-kiosk.service')), 'utf8')
    expect(unit).toMatch(/^Restart=always$/m)
    expect(unit).toMatch(/^StartLimitIntervalSec=0$/m)
    expect(unit).toContain(`ExecStart=${command}`)
    expect(unit).toMatch(/^WantedBy=graphical-session.target$/m)
    const autostart = readFileSync(
      fromRoot(path.join(systemDir, 'songyun-kiosk-autostart.desktop')),
      'utf8',
    )
    expect(autostart).toContain(`Exec=${command}`)
    // systemd sessions use the unit (which restarts); the generator must not start a second copy.
    expect(autostart).toMatch(/^X-systemd-skip=true$/m)
  })
})
