import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import cliProgress from 'cli-progress'
import { type Command, InvalidArgumentError } from 'commander'
import { RequestError, type Problem } from '../../src/contract/requestError'
import { salvageSettings } from '../../src/settings/settingsSchema'
import { systemClock } from '../../src/time/clock'
import { findAppRoot } from '../services/appPaths'
import { readAppVersion } from '../services/appVersion'
import { resolveDataDir } from '../services/dataDir'
import { silentLogger } from '../services/logger'
import { settingsFileName } from '../services/settingsService'
import { openPackContainer } from '../services/packs/openPackContainer'
import { buildPackArchive, signPackArchive } from '../services/packs/packBuilder'
import { writeExamplePack } from '../services/packs/examplePack'
import { defaultPackLimits } from '../services/packs/packLimits'
import { loudnessWarnings } from '../services/packs/packLoudness'
import {
  generateSigningKeyPair,
  parsePrivateKey,
  keyFingerprint,
  parsePublicKey,
} from '../services/packs/packSigningKeys'
import { PackStore } from '../services/packs/packStore'
import { stagePack } from '../services/packs/stagePack'
import { loadTrustedKeys, trustPublicKey } from '../services/packs/trustedKeys'
import { exitCodes } from './cliOptions'

interface CommonOptions {
  readonly dataDir?: string
  readonly json?: boolean
}

/** A failure the user must fix on the command line itself (exit 2). */
class UsageError extends Error {}

/**
 * `songyun pack …`: the content-pack commands of content-pack.md. Each takes `--data-dir` and
 * `--json`; exit 0 done, 1 the pack or the installed state is rejected or broken (every problem
 * printed), 2 the command line is wrong. A bad pack never prints a stack trace.
 */
export function registerPackCommand(program: Command): void {
  const pack = program.command('pack').description('make, sign, check and install content packs')

  withCommon(
    pack.command('init <dir>').description('a new pack folder with a valid bilingual example'),
  ).action((dir: string, options: CommonOptions) =>
    run(options, async () => {
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
      .description('check a pack archive or folder as an install would; lists every problem')
      .option('--allow-unsigned', 'do not require a signature (as for a test venue)'),
  ).action((sourcePath: string, options: CommonOptions & { allowUnsigned?: boolean }) =>
    run(options, async () => {
      const dataDir = resolveDataDir(options.dataDir)
      const trusted = await loadTrustedKeys(dataDir)
      const container = await openPackContainer(path.resolve(sourcePath), defaultPackLimits)
      try {
        const checked = await stagePack(container, {
          limits: defaultPackLimits,
          appVersion: appVersion(),
          trustedKeys: trusted.keys.map((k) => k.key),
          requireSigned: !options.allowUnsigned && (await requiresSignedPacks(dataDir)),
        })
        const { id, version } = checked.manifest
        const warnings = loudnessWarnings(checked.manifest)
        printWarnings(warnings)
        return {
          result: {
            packId: id,
            version,
            isSigned: checked.signedBy !== undefined,
            totalBytes: checked.totalBytes,
            warnings,
          },
          text: `${sourcePath}: ${id} ${version} is valid${checked.signedBy ? `, signed by key ${checked.signedBy}` : ', unsigned'}`,
        }
      } finally {
        await container.close()
      }
    }),
  )

  withCommon(
    pack
      .command('build <dir>')
      .description('fill "files" with sizes and hashes, validate, write the archive')
      .requiredOption('-o, --output <file>', 'the archive to write (.songpack)')
      .option('--key <file>', 'also sign it with this private key'),
  ).action((dir: string, options: CommonOptions & { output: string; key?: string }) =>
    run(options, async () => {
      const privateKey = options.key ? await readPrivateKey(options.key) : undefined
      const built = await buildPackArchive(path.resolve(dir), path.resolve(options.output), {
        appVersion: appVersion(),
        privateKey,
      })
      const { id, version } = built.manifest
      printWarnings(built.warnings)
      return {
        result: {
          warnings: built.warnings,
          packId: id,
          version,
          fileCount: built.fileCount,
          totalBytes: built.totalBytes,
          isSigned: built.isSigned,
          archive: path.resolve(options.output),
        },
        text: `${options.output}: ${id} ${version}, ${built.fileCount} files, ${built.totalBytes} bytes${built.isSigned ? ', signed' : ''}`,
      }
    }),
  )

  withCommon(
    pack
      .command('keygen')
      .description('write a new Ed25519 key pair: NAME.key (private) and NAME.pub')
      .requiredOption('-o, --output <name>', 'the path and name, without extension'),
  ).action((options: CommonOptions & { output: string }) =>
    run(options, async () => {
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
      await writeFile(pubFile, pair.publicKeyPem, { flag: 'wx' })
      const fingerprint = keyFingerprint(parsePublicKey(pair.publicKeyPem))
      return {
        result: { privateKey: keyFile, publicKey: pubFile, fingerprint },
        text: `Wrote ${keyFile} (keep it secret) and ${pubFile} (key ${fingerprint})`,
      }
    }),
  )

  withCommon(
    pack
      .command('sign <file>')
      .description('add or replace manifest.sig in an archive')
      .requiredOption('--key <file>', 'the private key (NAME.key)'),
  ).action((file: string, options: CommonOptions & { key: string }) =>
    run(options, async () => {
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
    run(options, async () => {
      const dataDir = resolveDataDir(options.dataDir)
      let trusted
      try {
        trusted = await trustPublicKey(dataDir, path.resolve(publicKeyFile))
      } catch (error) {
        throw new RequestError('rejected', `Cannot trust ${publicKeyFile}`, [
          { path: publicKeyFile, message: (error as Error).message },
        ])
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
  ).action((file: string, options: CommonOptions & { allowUnsigned?: boolean; allowDowngrade?: boolean }) =>
    run(options, async () => {
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
    pack.command('list').description('installed packs, their versions, which is active'),
  ).action((options: CommonOptions) =>
    run(options, async () => {
      const listing = await storeOf(resolveDataDir(options.dataDir)).list()
      const lines = listing.packs.flatMap((p) => [
        `${p.id}`,
        ...p.versions.map(
          (v) =>
            `  ${v.isActive ? '*' : ' '} ${v.version}${v.isBuiltin ? ' (built-in)' : ''}${v.isSigned ? '' : ' (unsigned)'} installed ${new Date(v.installedAtMs).toISOString()}`,
        ),
      ])
      return {
        result: listing,
        text: lines.length > 0 ? lines.join('\n') : 'No packs are installed.',
      }
    }),
  )

  withCommon(
    pack.command('rollback <id>').description('activate the previous version of a pack'),
  ).action((packId: string, options: CommonOptions) =>
    run(options, async () => {
      const result = await storeOf(resolveDataDir(options.dataDir)).rollback(packId)
      return {
        result,
        text: `${packId}: ${result.version} is active again (${result.replacedVersion} removed)`,
      }
    }),
  )

  withCommon(
    pack.command('verify').description('re-check every active pack on disk against its manifest'),
  ).action((options: CommonOptions) =>
    run(options, async () => {
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

function appVersion(): string {
  return readAppVersion(findAppRoot())
}

function storeOf(dataDir: string): PackStore {
  return new PackStore({
    dataDir,
    appVersion: appVersion(),
    clock: systemClock,
    logger: silentLogger,
  })
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
        `${JSON.stringify({ ok: false, error: { code, message, problems } }, null, 2)}\n`,
      )
    }
    const lines = [`songyun: ${message}`, ...problems.map((p) => `  ${p.path}: ${p.message}`)]
    process.stderr.write(`${lines.join('\n')}\n`)
    process.exitCode = isUsage ? exitCodes.usage : exitCodes.rejected
  }
}
