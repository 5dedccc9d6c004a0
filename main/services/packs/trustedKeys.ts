import type { KeyObject } from 'node:crypto'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Problem } from '../../../src/contract/requestError'
import { keyFingerprint, parsePublicKey } from './packSigningKeys'

/** The data folder's trusted public keys (docs/content-pack-format.md "Signing"). */
export function trustedKeysDir(dataDir: string): string {
  return path.join(dataDir, 'trusted-keys')
}

/** A trusted key and the file it came from. */
export interface TrustedKey {
  readonly fileName: string
  readonly key: KeyObject
  readonly fingerprint: string
  /**
   * The pack id prefixes this key may sign, from `<name>.ids` beside `<name>.pub` (one prefix a
   * line, `#` comments); undefined when there is no such file: the key may sign any id.
   */
  readonly idPrefixes?: readonly string[]
}

/** Whether a key may sign a pack id (its `.ids` file, if any, lists a prefix of it). */
export function mayKeySignPackId(key: TrustedKey, packId: string): boolean {
  return key.idPrefixes === undefined || key.idPrefixes.some((prefix) => packId.startsWith(prefix))
}

async function readIdPrefixes(dir: string, keyFileName: string): Promise<string[] | undefined> {
  const idsFile = path.join(dir, keyFileName.replace(/\.(pub|pem)$/i, '.ids'))
  let text: string
  try {
    text = await readFile(idsFile, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line.length > 0)
}

/**
 * Loads every `*.pub` or `*.pem` file of `trusted-keys/`; a file that is not an Ed25519 public
 * key is reported and skipped, so one bad file does not lock out the others.
 */
export async function loadTrustedKeys(
  dataDir: string,
): Promise<{ keys: TrustedKey[]; problems: Problem[] }> {
  const dir = trustedKeysDir(dataDir)
  const keys: TrustedKey[] = []
  const problems: Problem[] = []
  let names: string[]
  try {
    names = (await readdir(dir)).filter((n) => /\.(pub|pem)$/i.test(n)).sort()
  } catch {
    return { keys, problems }
  }
  for (const fileName of names) {
    try {
      const text = await readFile(path.join(dir, fileName), 'utf8')
      if (isPrivateKeyFile(fileName, text)) {
        // An older `pack trust` copied private keys here; such a key is not honoured.
        problems.push({
          path: path.join(dir, fileName),
          message:
            'a PRIVATE key, not trusted: delete this file from the kiosk and trust the matching .pub',
        })
        continue
      }
      const key = parsePublicKey(text)
      const idPrefixes = await readIdPrefixes(dir, fileName)
      keys.push({ fileName, key, fingerprint: keyFingerprint(key), idPrefixes })
    } catch (error) {
      problems.push({
        path: path.join(dir, fileName),
        message: `not a usable key: ${(error as Error).message}`,
      })
    }
  }
  return { keys, problems }
}

/** A private key offered where only a public key belongs; it is never copied anywhere. */
export class PrivateKeyRefusedError extends Error {
  constructor(readonly publicKeyFileName: string) {
    super(`this is a PRIVATE key; trust \`${publicKeyFileName}\` instead`)
  }
}

/**
 * Whether a key file holds a private key: a PEM "PRIVATE KEY" block, or a `.key` file (the name
 * `songyun pack keygen` gives private keys; its raw base64 form cannot be told from a public key).
 * Node derives a public key from a private one without complaint, so this is checked first.
 */
export function isPrivateKeyFile(fileName: string, text: string): boolean {
  return /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/.test(text) || /\.key$/i.test(fileName)
}

/**
 * Copies a public key into `trusted-keys/` under its own file name. Trusting the same key twice
 * does nothing; a different key under a name already taken is refused (nothing is overwritten).
 * A private key is refused with {@link PrivateKeyRefusedError}: anyone who could read it on the
 * kiosk's disk could sign packs that every kiosk trusting it installs.
 */
export async function trustPublicKey(
  dataDir: string,
  publicKeyFile: string,
): Promise<{ fileName: string; fingerprint: string; isNew: boolean }> {
  const text = await readFile(publicKeyFile, 'utf8')
  if (isPrivateKeyFile(publicKeyFile, text)) {
    const stem = path.basename(publicKeyFile).replace(/\.(key|pem)$/i, '')
    throw new PrivateKeyRefusedError(`${stem}.pub`)
  }
  const key = parsePublicKey(text)
  const fingerprint = keyFingerprint(key)
  const baseName = path.basename(publicKeyFile).replace(/\.(pub|pem)$/i, '')
  const fileName = `${baseName.replace(/[^A-Za-z0-9._-]/g, '_') || fingerprint}.pub`
  const dir = trustedKeysDir(dataDir)
  await mkdir(dir, { recursive: true })
  const { keys } = await loadTrustedKeys(dataDir)
  const same = keys.find((k) => k.fingerprint === fingerprint)
  if (same) return { fileName: same.fileName, fingerprint, isNew: false }
  if (keys.some((k) => k.fileName === fileName)) {
    throw new Error(`trusted-keys/${fileName} already holds a different key; rename the new one`)
  }
  await writeFile(path.join(dir, fileName), text.endsWith('\n') ? text : `${text}\n`, {
    flag: 'wx',
  })
  return { fileName, fingerprint, isNew: true }
}
