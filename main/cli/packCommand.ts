import { existsSync, statSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import cliProgress from 'cli-progress'
import { type Command, InvalidArgumentError } from 'commander'
import { RequestError, type Problem } from '../../src/contract/requestError'
import { salvageSettings } from '../../src/settings/settingsSchema'
import { systemClock } from '../../src/time/clock'
import { readAppVersion } from '../services/appVersion'
import { ChangeLog } from '../services/changeLog'
import { describeInstall, describeRollback } from '../services/changeDescriptions'
import { resolveDataDir } from '../services/dataDir'
import { silentLogger } from '../services/logger'
import { settingsFileName } from '../services/settingsService'
import { openPackContainer } from '../services/packs/openPackContainer'
import { packIgnoreFileName } from '../services/packs/packBuildSelection'
import { buildPackArchive, signPackArchive } from '../services/packs/packBuilder'
import { exampleLeftovers, writeExamplePack } from '../services/packs/examplePack'
import { defaultPackLimits } from '../services/packs/packLimits'
import { loudnessWarnings } from '../services/packs/packLoudness'
import {
  generateSigningKeyPair,
  parsePrivateKey,
  keyFingerprint,
  parsePublicKey,
} from '../services/packs/packSigningKeys'
import { PackStore, readInstalledManifest } from '../services/packs/packStore'
import { stagePack } from '../services/packs/stagePack'
import {
  loadTrustedKeys,
  PrivateKeyRefusedError,
  trustPublicKey,
} from '../services/packs/trustedKeys'
import { formatByteSize } from './byteSize'
import { exitCodes } from './cliOptions'
import { hintsForProblems } from './problemHints'
import type { CliHost } from './songyunProgram'

interface CommonOptions {
  readonly dataDir?: string
  readonly json?: boolean
}

/** A failure the user must fix on the command line itself (exit 2). */
class UsageError extends Error {}

/** What a command's problems are about, for the hints that name the next command. */
interface ProblemSubject {
  readonly sourcePath: string
  readonly isFolder: boolean
}

/** For commands whose problems need no hint. */
const noSubject = undefined

/**
 * `songyun pack …`: the content-pack commands of docs/content-pack-format.md. Each takes `--data-dir` and
 * `--json`; exit 0 done, 1 the pack or the installed state is rejected or broken (every problem
 * printed), 2 the command line is wrong. A bad pack never prints a stack trace.
 */
export function registerPackCommand(program: Command, host: CliHost): void {
  const appVersion = () => readAppVersion(host.appRoot)
  const storeOf = (dataDir: string) =>
    new PackStore({ dataDir, appVersion: appVersion(), clock: systemClock, logger: silentLogger })
  const pack = program.command('pack').description('make, sign, check and install content packs')

  withCommon(
    pack.command('init <dir>').description('a new pack folder with a valid bilingual example'),
  ).action((dir: string, options: CommonOptions) =>
    run(options, noSubject, async () => {
      const target = path.resolve(dir)
      if (existsSync(target) && (await readdir(target)).length > 0) {
        throw new UsageError(`${target} is not empty; choose a new folder`)
      }
      await writeExamplePack(target)
      return {
        result: { folder: target },
        text: `A new pack is in ${target}; edit manifest.json, then: songyun pack build ${dir} -o pack.songpack`,
      }
    }),
  )

  withCommon(
    pack
      .command('validate <path>')
      .description(
        'check a pack archive, or a folder as `pack build` would pack it, as an install would; lists every problem',
      )
      .option('--allow-unsigned', 'do not require a signature (as for a test venue)')
      .option(
        '--exclude <pattern>',
        'for a folder: leave out files as `pack build --exclude` does (repeatable)',
        collect,
        [] as string[],
      ),
  ).action(
    (sourcePath: string, options: CommonOptions & { allowUnsigned?: boolean; exclude: string[] }) =>
      run(options, { sourcePath, isFolder: isFolder(sourcePath) }, async () => {
        const dataDir = resolveDataDir(options.dataDir)
        const trusted = await loadTrustedKeys(dataDir)
        const source = path.resolve(sourcePath)
        // A folder is checked as the archive `pack build` makes of it (files filled in, excluded
        // files left out), so a folder that validates is one that builds and installs.
        const built = isFolder(source)
          ? await buildIntoTempArchive(source, options.exclude, appVersion())
          : undefined
        try {
          const container = await openPackContainer(built?.archive ?? source, defaultPackLimits)
          try {
            const checked = await stagePack(container, {
              limits: defaultPackLimits,
              appVersion: appVersion(),
              trustedKeys: trusted.keys.map((k) => k.key),
              requireSigned: !options.allowUnsigned && (await requiresSignedPacks(dataDir)),
            }).catch((error: unknown) => {
              // Named as the user typed it, never as the temporary archive a folder is built into.
              if (!(error instanceof RequestError) || !built) throw error
              throw new RequestError(
                error.code,
                `${sourcePath}, packed as \`pack build\` would, is rejected: ${error.problems?.length ?? 0} problem(s)`,
                error.problems,
              )
            })
            const { id, version } = checked.manifest
            const warnings = loudnessWarnings(checked.manifest)
            printWarnings(warnings)
            return {
              result: {
                packId: id,
                version,
                isSigned: checked.signedBy !== undefined,
                signedBy: checked.signedBy,
                totalBytes: checked.totalBytes,
                warnings,
              },
              text:
                `${sourcePath}: ${id} ${version} is valid${built ? ' as `pack build` would pack it' : ''}` +
                `${checked.signedBy ? `, signed by key ${checked.signedBy}` : ', unsigned'}, ${formatByteSize(checked.totalBytes)}`,
            }
          } finally {
            await container.close()
          }
        } finally {
          if (built) await rm(built.folder, { recursive: true, force: true })
        }
      }),
  )

  withCommon(
    pack
      .command('build <dir>')
      .description(
        'fill "files" with sizes and hashes, validate, write the archive; lists what it packs',
      )
      .requiredOption('-o, --output <file>', 'the archive to write (.songpack)')
      .option('--key <file>', 'also sign it with this private key')
      .option(
        '--exclude <pattern>',
        `leave out matching files (repeatable; e.g. "*.psd", "drafts/"); ${packIgnoreFileName} in the folder lists more`,
        collect,
        [] as string[],
      ),
  ).action(
    (dir: string, options: CommonOptions & { output: string; key?: string; exclude: string[] }) =>
      run(options, { sourcePath: dir, isFolder: true }, async () => {
        const privateKey = options.key ? await readPrivateKey(options.key) : undefined
        const built = await buildPackArchive(path.resolve(dir), path.resolve(options.output), {
          appVersion: appVersion(),
          privateKey,
          exclude: options.exclude,
        })
        const { id, version } = built.manifest
        printWarnings(built.warnings)
        for (const leftover of exampleLeftovers(built.manifest)) {
          process.stderr.write(`songyun: warning: ${leftover}\n`)
        }
        for (const file of built.unreferencedFiles) {
          process.stderr.write(
            `songyun: warning: ${file} is packed but no exhibit refers to it; leave it out with --exclude "${file}" or a line in ${path.join(dir, packIgnoreFileName)}\n`,
          )
        }
        const lines = [
          ...built.packedFiles.map((f) => `  packed   ${f.path} (${formatByteSize(f.size)})`),
          ...built.excludedFiles.map((f) => `  left out ${f}`),
          `${options.output}: ${id} ${version}, ${built.fileCount} files, ${formatByteSize(built.totalBytes)}${built.isSigned ? ', signed' : ', unsigned'}`,
        ]
        return {
          result: {
            packId: id,
            version,
            fileCount: built.fileCount,
            totalBytes: built.totalBytes,
            isSigned: built.isSigned,
            archive: path.resolve(options.output),
            packedFiles: built.packedFiles,
            excludedFiles: built.excludedFiles,
            unreferencedFiles: built.unreferencedFiles,
            warnings: built.warnings,
          },
          text: lines.join('\n'),
        }
      }),
  )

  withCommon(
    pack
      .command('keygen')
      .description('write a new Ed25519 key pair: NAME.key (private) and NAME.pub')
      .requiredOption('-o, --output <name>', 'the path and name, without extension'),
  ).action((options: CommonOptions & { output: string }) =>
    run(options, noSubject, async () => {
      const base = path.resolve(options.output)
      const keyFile = `${base}.key`
      const pubFile = `${base}.pub`
      for (const file of [keyFile, pubFile]) {
        if (existsSync(file))
          throw new UsageError(`${file} exists already; keys are never overwritten`)
      }
      const pair = generateSigningKeyPair()
      await mkdir(path.dirname(base), { recursive: true })
      await writeFile(keyFile, pair.privateKeyPem, { flag: 'wx', mode: 0o600 })
      // The mode of a new file is masked by the umask; set it outright, so only this user reads it.
      await chmod(keyFile, 0o600)
      await writeFile(pubFile, pair.publicKeyPem, { flag: 'wx', mode: 0o644 })
      const fingerprint = keyFingerprint(parsePublicKey(pair.publicKeyPem))
      return {
        result: { privateKey: keyFile, publicKey: pubFile, fingerprint },
        text: [
          `Wrote the key pair ${fingerprint}:`,
          `  ${keyFile}  PRIVATE (readable only by you): keep it on the machine that signs packs. It must never go onto a kiosk, a USB stick, a shared folder or a repository; whoever has it can sign packs your kiosks install.`,
          `  ${pubFile}  public: on each kiosk, \`songyun pack trust ${path.basename(pubFile)}\`.`,
        ].join('\n'),
      }
    }),
  )

  withCommon(
    pack
      .command('sign <file>')
      .description('add or replace manifest.sig in an archive')
      .requiredOption('--key <file>', 'the private key (NAME.key)'),
  ).action((file: string, options: CommonOptions & { key: string }) =>
    run(options, { sourcePath: file, isFolder: false }, async () => {
      const privateKey = await readPrivateKey(options.key)
      const signed = await signPackArchive(path.resolve(file), privateKey)
      return { result: { archive: path.resolve(file), ...signed }, text: `Signed ${file}` }
    }),
  )

  withCommon(
    pack
      .command('trust <publicKey>')
      .description("add a public key to the data folder's trusted keys"),
  ).action((publicKeyFile: string, options: CommonOptions) =>
    run(options, noSubject, async () => {
      const dataDir = resolveDataDir(options.dataDir)
      let trusted
      try {
        trusted = await trustPublicKey(dataDir, path.resolve(publicKeyFile))
      } catch (error) {
        if (error instanceof PrivateKeyRefusedError) {
          throw new UsageError(
            `${publicKeyFile}: ${error.message}; nothing was copied. Keep the private key off the kiosk.`,
          )
        }
        throw new RequestError('rejected', `Cannot trust ${publicKeyFile}`, [
          { path: publicKeyFile, message: (error as Error).message },
        ])
      }
      if (trusted.isNew) {
        await changeLogOf(dataDir).record(
          'terminal',
          `trusted key ${trusted.fingerprint} (trusted-keys/${trusted.fileName})`,
        )
      }
      return {
        result: trusted,
        text: trusted.isNew
          ? `Trusted key ${trusted.fingerprint} as trusted-keys/${trusted.fileName}`
          : `Key ${trusted.fingerprint} was trusted already (trusted-keys/${trusted.fileName})`,
      }
    }),
  )

  withCommon(
    pack
      .command('install <file>')
      .description('install and activate a pack, with progress on a terminal')
      .option('--allow-unsigned', 'install an unsigned pack (a test venue)')
      .option('--allow-downgrade', 'install a version older than the active one'),
  ).action(
    (
      file: string,
      options: CommonOptions & { allowUnsigned?: boolean; allowDowngrade?: boolean },
    ) =>
      run(options, { sourcePath: file, isFolder: isFolder(file) }, async () => {
        const dataDir = resolveDataDir(options.dataDir)
        const bar =
          process.stderr.isTTY && !options.json
            ? new cliProgress.SingleBar(
                {
                  stream: process.stderr,
                  format: ' {phase} [{bar}] {percentage}% {value}/{total} bytes',
                },
                cliProgress.Presets.shades_classic,
              )
            : undefined
        let isBarStarted = false
        try {
          const result = await storeOf(dataDir).install(file, {
            requireSigned: !options.allowUnsigned && (await requiresSignedPacks(dataDir)),
            allowDowngrade: options.allowDowngrade === true,
            onProgress: (phase, done, total) => {
              if (!bar) return
              if (!isBarStarted) {
                bar.start(Math.max(total, 1), 0, { phase })
                isBarStarted = true
              }
              bar.update(done, { phase })
            },
          })
          await changeLogOf(dataDir).record(
            'terminal',
            describeInstall(result, path.basename(file)),
          )
          return {
            result,
            text: `Installed ${result.packId} ${result.version}${result.previousVersion ? ` (was ${result.previousVersion}, kept for rollback)` : ''}${result.isSigned ? '' : ', unsigned'}`,
          }
        } finally {
          if (isBarStarted) bar?.stop()
        }
      }),
  )

  withCommon(
    pack
      .command('list')
      .description('installed packs: versions, which is active, signed by which key, size'),
  ).action((options: CommonOptions) =>
    run(options, noSubject, async () => {
      const store = storeOf(resolveDataDir(options.dataDir))
      const listing = await store.list()
      const state = await store.readState()
      const packs = await Promise.all(
        listing.packs.map(async (listed) => {
          const stored = state.packs.find((p) => p.id === listed.id)
          const storedVersions = stored ? [stored.active, ...stored.previous] : []
          const versions = await Promise.all(
            listed.versions.map(async (v) => {
              const storedVersion = storedVersions.find((s) => s.version === v.version)
              const totalBytes = storedVersion
                ? await installedBytes(store.versionDir(listed.id, storedVersion))
                : undefined
              return { ...v, signedBy: storedVersion?.signedBy, totalBytes }
            }),
          )
          return { ...listed, versions }
        }),
      )
      const lines = packs.flatMap((p) => [
        `${p.id}`,
        ...p.versions.map(
          (v) =>
            `  ${v.isActive ? '*' : ' '} ${v.version}${v.isBuiltin ? ' (built-in)' : ''}` +
            `  ${v.signedBy ? `signed by key ${v.signedBy}` : 'unsigned'}` +
            `${v.totalBytes === undefined ? '' : `  ${formatByteSize(v.totalBytes)}`}` +
            `  installed ${new Date(v.installedAtMs).toISOString()}`,
        ),
      ])
      return {
        result: { packs },
        text: lines.length > 0 ? lines.join('\n') : 'No packs are installed.',
      }
    }),
  )

  withCommon(
    pack.command('rollback <id>').description('activate the previous version of a pack'),
  ).action((packId: string, options: CommonOptions) =>
    run(options, noSubject, async () => {
      const dataDir = resolveDataDir(options.dataDir)
      const result = await storeOf(dataDir).rollback(packId)
      await changeLogOf(dataDir).record('terminal', describeRollback(packId, result))
      return {
        result,
        text: `${packId}: ${result.version} is active again (${result.replacedVersion} removed)`,
      }
    }),
  )

  withCommon(
    pack.command('verify').description('re-check every active pack on disk against its manifest'),
  ).action((options: CommonOptions) =>
    run(options, noSubject, async () => {
      const report = await storeOf(resolveDataDir(options.dataDir)).verify()
      if (report.problems.length > 0) {
        throw new RequestError('rejected', 'Installed packs are damaged', report.problems)
      }
      return {
        result: report,
        text:
          report.packs.length > 0
            ? report.packs.map((p) => `${p.id} ${p.version}: intact`).join('\n')
            : 'No packs are installed.',
      }
    }),
  )
}

/** Warnings go to stderr, so `--json` output on stdout stays one document. */
function printWarnings(warnings: readonly string[]): void {
  for (const warning of warnings) process.stderr.write(`songyun: warning: ${warning}\n`)
}

function withCommon(command: Command): Command {
  return command
    .option('--data-dir <dir>', 'data folder (else SONGYUN_DATA_DIR, else the app-data folder)')
    .option('--json', 'print a machine-readable result on stdout')
}

/** Commander's way to gather a repeatable option. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value]
}

function isFolder(target: string): boolean {
  try {
    return statSync(path.resolve(target)).isDirectory()
  } catch {
    return false
  }
}

/** The change log of a data folder, as a terminal writes to it (a line on stderr too). */
function changeLogOf(dataDir: string): ChangeLog {
  return new ChangeLog(dataDir, systemClock, silentLogger)
}

/** What an installed version holds: the sizes its manifest's `files` table lists. */
async function installedBytes(versionDir: string): Promise<number | undefined> {
  try {
    const manifest = await readInstalledManifest(versionDir)
    return Object.values(manifest.files).reduce((sum, file) => sum + file.size, 0)
  } catch {
    return undefined
  }
}

/** Packs a folder as `pack build` would, unsigned, into a temp folder the caller removes. */
async function buildIntoTempArchive(
  folder: string,
  exclude: readonly string[],
  appVersion: string,
): Promise<{ folder: string; archive: string }> {
  const tempFolder = await mkdtemp(path.join(os.tmpdir(), 'songyun-validate-'))
  const archive = path.join(tempFolder, 'pack.songpack')
  try {
    await buildPackArchive(folder, archive, { appVersion, exclude })
  } catch (error) {
    await rm(tempFolder, { recursive: true, force: true })
    if (error instanceof RequestError) {
      throw new RequestError(
        error.code,
        `${folder} would not build into a valid pack: ${error.problems?.length ?? 0} problem(s)`,
        error.problems,
      )
    }
    throw error
  }
  return { folder: tempFolder, archive }
}

/** `requireSignedPacks` of the data folder's settings.json, read without changing it. */
async function requiresSignedPacks(dataDir: string): Promise<boolean> {
  try {
    const raw: unknown = JSON.parse(await readFile(path.join(dataDir, settingsFileName), 'utf8'))
    return salvageSettings(raw).settings.requireSignedPacks
  } catch {
    return true
  }
}

async function readPrivateKey(file: string) {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    throw new UsageError(`cannot read the key ${file}: ${(error as Error).message}`)
  }
  try {
    return parsePrivateKey(text)
  } catch (error) {
    throw new UsageError(`${file} is not an Ed25519 private key: ${(error as Error).message}`)
  }
}

/** Runs one command: prints its result, or every problem, and sets the exit code. */
async function run(
  options: CommonOptions,
  subject: ProblemSubject | undefined,
  work: () => Promise<{ result: unknown; text: string }>,
): Promise<void> {
  try {
    const { result, text } = await work()
    process.stdout.write(
      options.json ? `${JSON.stringify({ ok: true, result }, null, 2)}\n` : `${text}\n`,
    )
    process.exitCode = exitCodes.done
  } catch (error) {
    const isUsage = error instanceof UsageError || error instanceof InvalidArgumentError
    const problems: readonly Problem[] = error instanceof RequestError ? (error.problems ?? []) : []
    const message = (error as Error).message
    if (options.json) {
      const code = error instanceof RequestError ? error.code : isUsage ? 'usage' : 'failed'
      process.stdout.write(
        `${JSON.stringify({ ok: false, error: { code, message, problems, hints: subject ? hintsForProblems(problems, subject) : [] } }, null, 2)}\n`,
      )
    }
    const hints = subject ? hintsForProblems(problems, subject) : []
    const lines = [
      `songyun: ${message}`,
      ...problems.map((p) => `  ${p.path}: ${p.message}`),
      ...hints.map((hint) => `  ${hint}`),
    ]
    process.stderr.write(`${lines.join('\n')}\n`)
    process.exitCode = isUsage ? exitCodes.usage : exitCodes.rejected
  }
}
