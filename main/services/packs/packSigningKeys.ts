import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto'

// DER prefixes that turn a raw 32-byte Ed25519 key into SPKI (public) and PKCS#8 (private).
const spkiEd25519Prefix = Buffer.from('302a300506032b6570032100', 'hex')
const pkcs8Ed25519Prefix = Buffer.from('302e020100300506032b657004220420', 'hex')

/**
 * Reads an Ed25519 public key written either as PEM (`-----BEGIN PUBLIC KEY-----`, what
 * `songyun pack keygen` and `openssl pkey -pubout` write) or as the raw 32 bytes in base64.
 * Throws an Error saying what is wrong with the text.
 */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim()
  let key: KeyObject
  if (trimmed.startsWith('-----BEGIN')) {
    key = createPublicKey(trimmed)
  } else {
    const raw = decodeBase64Strict(trimmed)
    if (raw?.length !== 32) throw new Error('not a PEM public key nor 32 bytes of base64')
    key = createPublicKey({
      key: Buffer.concat([spkiEd25519Prefix, raw]),
      format: 'der',
      type: 'spki',
    })
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`)
  }
  return key
}

/** Reads an Ed25519 private key: PEM (PKCS#8) or the raw 32-byte seed in base64. */
export function parsePrivateKey(text: string): KeyObject {
  const trimmed = text.trim()
  let key: KeyObject
  if (trimmed.startsWith('-----BEGIN')) {
    key = createPrivateKey(trimmed)
  } else {
    const raw = decodeBase64Strict(trimmed)
    if (raw?.length !== 32) throw new Error('not a PEM private key nor a 32-byte seed in base64')
    key = createPrivateKey({
      key: Buffer.concat([pkcs8Ed25519Prefix, raw]),
      format: 'der',
      type: 'pkcs8',
    })
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`an ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`)
  }
  return key
}

/** A new key pair as PEM text: PKCS#8 private, SPKI public. */
export function generateSigningKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  }
}

/** A short fingerprint to name a key in messages: hex SHA-256 of its raw 32 bytes, 16 digits. */
export function keyFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256')
    .update(der.subarray(der.length - 32))
    .digest('hex')
    .slice(0, 16)
}

/** `manifest.sig`: the Ed25519 signature of the exact manifest bytes, base64, one line. */
export function signManifest(manifestBytes: Buffer, privateKey: KeyObject): string {
  return `${sign(null, manifestBytes, privateKey).toString('base64')}\n`
}

/** Decodes `manifest.sig`; `undefined` when it is not 64 bytes of base64. */
export function decodeSignature(text: string): Buffer | undefined {
  const bytes = decodeBase64Strict(text.trim())
  return bytes?.length === 64 ? bytes : undefined
}

/** The first key the signature verifies against, or `undefined`. */
export function findSigningKey(
  manifestBytes: Buffer,
  signature: Buffer,
  trustedKeys: readonly KeyObject[],
): KeyObject | undefined {
  return trustedKeys.find((key) => verify(null, manifestBytes, key, signature))
}

function decodeBase64Strict(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) return undefined
  return Buffer.from(text, 'base64')
}
