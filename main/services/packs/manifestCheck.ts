import semver from 'semver'
import { describeJsonSyntaxError } from '../../../src/json/jsonSyntaxError'
import type { Problem } from '../../../src/contract/requestError'
import { requiredLanguages } from '../../../src/i18n/languages'
import {
  createManifestSchema,
  packFormatName,
  supportedPackFormatVersion,
  type PackManifest,
} from '../../../src/pack/manifestSchema'
import { collectMediaReferences } from './mediaReferences'

/** Where manifest problems point: `manifest.json#/json/pointer`. */
export function manifestPointer(path: readonly PropertyKey[]): string {
  return path.length === 0 ? 'manifest.json' : `manifest.json#/${path.map(String).join('/')}`
}

/**
 * The manifest read from its bytes and every problem found in it. `manifest` is set whenever the
 * schema holds (even with a dangling reference), so the files can still be checked against it.
 */
export interface ManifestCheck {
  readonly manifest: PackManifest | undefined
  readonly problems: readonly Problem[]
}

/**
 * Reads `manifest.json` against the schema of the app: JSON, format, a newer `formatVersion`
 * ("made for a newer app"), every field (each problem at its JSON path, a missing language
 * named), `minAppVersion`, and every media reference being a path in `files`.
 */
export function checkManifestBytes(bytes: Buffer, appVersion: string): ManifestCheck {
  let raw: unknown
  // A byte-order mark (Windows Notepad) is tolerated; the signature still covers the exact bytes.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return fail([{ path: 'manifest.json', message: describeJsonSyntaxError(text, error as Error) }])
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail([{ path: 'manifest.json', message: 'must be a JSON object' }])
  }
  const record = raw as Record<string, unknown>
  if (record.format !== packFormatName) {
    return fail([{ path: manifestPointer(['format']), message: `must be "${packFormatName}"` }])
  }
  const formatVersion = record.formatVersion
  if (typeof formatVersion === 'number' && formatVersion > supportedPackFormatVersion) {
    return fail([
      {
        path: manifestPointer(['formatVersion']),
        message: `made for a newer app: formatVersion ${formatVersion}, this app reads ${supportedPackFormatVersion}`,
      },
    ])
  }
  const languages =
    Array.isArray(record.languages) && record.languages.every((t) => typeof t === 'string')
      ? record.languages
      : [...requiredLanguages]
  const parsed = createManifestSchema(languages).safeParse(raw)
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const last = issue.path[issue.path.length - 1]
        const isMissingLanguage =
          typeof last === 'string' &&
          languages.includes(last) &&
          issue.code === 'invalid_type' &&
          issue.message.includes('undefined')
        const isMissingCardSource =
          last === 'source' &&
          issue.path[issue.path.length - 3] === 'cards' &&
          issue.code === 'invalid_type' &&
          issue.message.includes('undefined')
        return {
          path: manifestPointer(issue.path),
          message: isMissingLanguage
            ? `the "${last}" text is missing (every text needs each language in "languages")`
            : isMissingCardSource
              ? 'the card cites no source: add "source" with the author, work and section its facts come from, in each language in "languages"'
              : issue.message,
        }
      }),
    )
  }
  const manifest = parsed.data
  const problems: Problem[] = []
  if (manifest.minAppVersion && semver.gt(manifest.minAppVersion, appVersion)) {
    problems.push({
      path: manifestPointer(['minAppVersion']),
      message: `needs app version ${manifest.minAppVersion} or newer; this app is ${appVersion}`,
    })
  }
  for (const reference of collectMediaReferences(manifest)) {
    if (!Object.hasOwn(manifest.files, reference.path)) {
      problems.push({
        path: manifestPointer(reference.pointer),
        message: `refers to "${reference.path}", which is not in "files"`,
      })
    }
  }
  return { manifest, problems }
}

function fail(problems: readonly Problem[]): ManifestCheck {
  return { manifest: undefined, problems }
}
