import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import * as z from 'zod'
import type { FirstScreenChannel, FirstScreenData } from '../../src/contract/firstScreenData'
import { writeJsonAtomically } from '../services/atomicFile'

/**
 * The first screen's data as the last successful start answered it, kept in the data folder so
 * the next start sends the whole page at its first byte instead of waiting for the services'
 * code to load and start (docs/performance.md "Start-up"). It is used only when nothing it was
 * read from has changed since: the settings file (mode, hours, languages) and the pack store's
 * state (which pack id and version is active) have the same size, time and inode, the app version
 * and the machine's time zone are the same, and the hours have not reached their next change. A
 * pack install or rollback replaces `packs/state.json` and a mode change rewrites
 * `settings.json` (both by atomic rename, from the kiosk or the CLI alike), so no visitor ever
 * sees an old pack's or mode's first screen: a changed folder waits for the services once, and
 * that start writes the cache anew.
 */
export const firstScreenCacheFileName = 'first-screen-cache.json'

/**
 * The data-folder files the first screen's answers are read from, relative to the data folder.
 * They must match the services' own names (`settingsFileName`, the pack store's `state.json`);
 * tests/main/web/firstScreenDataCache.test.ts holds them together.
 */
export const firstScreenSourceFiles = ['settings.json', path.join('packs', 'state.json')] as const

const fileSignatureSchema = z
  .object({
    sizeBytes: z.number().int().nonnegative(),
    modifiedAtMs: z.number().nonnegative(),
    inode: z.number().int().nonnegative(),
  })
  .nullable()

type FileSignature = z.infer<typeof fileSignatureSchema>

const sourceKeySchema = z.object({
  appVersion: z.string().min(1),
  timeZone: z.string(),
  files: z.array(fileSignatureSchema).length(firstScreenSourceFiles.length),
})

/** What the cached data was answered from; the cache is stale once any of it differs. */
export type FirstScreenSourceKey = z.infer<typeof sourceKeySchema>

/** Only answers that succeeded are kept: a start that answered with an error is not cached. */
const succeededSchema = z.object({ ok: z.literal(true), result: z.unknown() })

const cacheSchema = z.object({
  cacheFormat: z.literal(1),
  key: sourceKeySchema,
  /** When the opening hours next change the mode or volume (mode:get's nextScheduleChangeAtMs). */
  validUntilMs: z.number().nullable(),
  data: z.object({
    'settings:get': succeededSchema.extend({
      result: z.looseObject({ settings: z.looseObject({}) }),
    }),
    'mode:get': succeededSchema.extend({
      result: z.looseObject({ mode: z.string().min(1) }),
    }),
    'content:get': succeededSchema.extend({
      result: z.looseObject({ exhibits: z.array(z.unknown()) }),
    }),
  }),
})

export function firstScreenCachePath(dataDir: string): string {
  return path.join(dataDir, firstScreenCacheFileName)
}

/** The files' signatures, the app version and the machine's zone as they are now. */
export async function firstScreenSourceKey(
  dataDir: string,
  appVersion: string,
): Promise<FirstScreenSourceKey> {
  const files = await Promise.all(
    firstScreenSourceFiles.map(async (name): Promise<FileSignature> => {
      try {
        const found = await stat(path.join(dataDir, name))
        return { sizeBytes: found.size, modifiedAtMs: found.mtimeMs, inode: found.ino }
      } catch {
        return null
      }
    }),
  )
  return { appVersion, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, files }
}

/** Why a cache was not used (for the log and the tests); undefined when it was. */
export type FirstScreenCacheMiss = 'missing' | 'invalid' | 'stale'

/** The cache file as it was written; its freshness is checked apart (`isFirstScreenCacheFresh`). */
export type FirstScreenCache = z.infer<typeof cacheSchema>

/** The cache file when it is there and valid; else why not. Never throws. */
export async function readFirstScreenCacheFile(
  dataDir: string,
): Promise<{ cache: FirstScreenCache } | { miss: Exclude<FirstScreenCacheMiss, 'stale'> }> {
  let text: string
  try {
    text = await readFile(firstScreenCachePath(dataDir), 'utf8')
  } catch {
    return { miss: 'missing' }
  }
  try {
    const parsed = cacheSchema.safeParse(JSON.parse(text))
    return parsed.success ? { cache: parsed.data } : { miss: 'invalid' }
  } catch {
    return { miss: 'invalid' }
  }
}

/**
 * Whether a cache read earlier still answers for this data folder now: nothing it was answered
 * from has changed and the hours have not reached their next change. Two `stat`s, so a page can
 * check it each time it is sent.
 */
export async function isFirstScreenCacheFresh(
  dataDir: string,
  appVersion: string,
  cache: FirstScreenCache,
  nowMs: number,
): Promise<boolean> {
  const current = await firstScreenSourceKey(dataDir, appVersion)
  return (
    JSON.stringify(current) === JSON.stringify(cache.key) && isBeforeScheduleChange(cache, nowMs)
  )
}

/** Whether the hours have not yet reached the change the cache's answers did not include. */
export function isBeforeScheduleChange(cache: FirstScreenCache, nowMs: number): boolean {
  return cache.validUntilMs === null || nowMs < cache.validUntilMs
}

/**
 * The cached first-screen data when it is valid and fresh for this data folder now; else why
 * not. Never throws: any miss only means the page waits for the services, as without a cache.
 */
export async function readFirstScreenCache(
  dataDir: string,
  appVersion: string,
  nowMs: number,
): Promise<{ data: FirstScreenData } | { miss: FirstScreenCacheMiss }> {
  const read = await readFirstScreenCacheFile(dataDir)
  if ('miss' in read) return read
  return (await isFirstScreenCacheFresh(dataDir, appVersion, read.cache, nowMs))
    ? { data: read.cache.data }
    : { miss: 'stale' }
}

/**
 * Writes the cache atomically from a start's answers, with the key taken before they were
 * asked (so a change made meanwhile makes it stale, never wrong). Answers with an error are
 * not cached: the file is then left as it was, and it is stale anyway if the folder changed.
 */
export async function writeFirstScreenCache(
  dataDir: string,
  key: FirstScreenSourceKey,
  answers: Partial<Record<FirstScreenChannel, unknown>>,
): Promise<boolean> {
  const mode = answers['mode:get'] as
    { ok: true; result: { nextScheduleChangeAtMs?: number } } | undefined
  const cache = {
    cacheFormat: 1 as const,
    key,
    validUntilMs: mode?.result?.nextScheduleChangeAtMs ?? null,
    data: answers,
  }
  if (!cacheSchema.safeParse(cache).success) return false
  await writeJsonAtomically(firstScreenCachePath(dataDir), cache)
  return true
}
