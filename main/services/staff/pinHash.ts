import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** How a PIN hash was made; stored beside it so the parameters can be raised later. */
export interface ScryptParameters {
  /** CPU/memory cost (a power of two). */
  readonly cost: number
  readonly blockSize: number
  readonly parallelization: number
  readonly keyLengthBytes: number
}

/** A salted scrypt hash of a PIN, as stored in the data folder. */
export interface PinHash {
  readonly algorithm: 'scrypt'
  readonly parameters: ScryptParameters
  /** base64 */
  readonly salt: string
  /** base64 */
  readonly hash: string
}

/**
 * OWASP's recommended scrypt setting (N = 2^17, r = 8, p = 1): about 128 MiB and a few hundred
 * milliseconds per attempt, which makes guessing a short PIN offline slow.
 */
export const strongScryptParameters: ScryptParameters = {
  cost: 2 ** 17,
  blockSize: 8,
  parallelization: 1,
  keyLengthBytes: 32,
}

function derive(pin: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const options: ScryptOptions = {
    N: parameters.cost,
    r: parameters.blockSize,
    p: parameters.parallelization,
    // scrypt needs 128 · N · r bytes; leave headroom above Node's 32 MiB default.
    maxmem: 256 * parameters.cost * parameters.blockSize,
  }
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, parameters.keyLengthBytes, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/** Hashes a PIN with a fresh random salt. */
export async function hashPin(
  pin: string,
  parameters: ScryptParameters = strongScryptParameters,
): Promise<PinHash> {
  const salt = randomBytes(16)
  const key = await derive(pin, salt, parameters)
  return {
    algorithm: 'scrypt',
    parameters,
    salt: salt.toString('base64'),
    hash: key.toString('base64'),
  }
}

/** Whether a PIN matches a stored hash, compared in constant time. */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64')
  const actual = await derive(pin, Buffer.from(stored.salt, 'base64'), stored.parameters)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
