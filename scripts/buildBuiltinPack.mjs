// Builds the built-in pack (assets/packs/songyun.core) into out/packs/, signed with the app's own
// key, and ships that key's public half beside it (docs/content-packs.md "The built-in pack").
// The private key is SONGYUN_BUILTIN_PACK_KEY (a PEM file; release builds) or else
// .keys/builtin-pack.key, generated once on this machine and git-ignored.
import { execFileSync } from 'node:child_process'
import { createPublicKey } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const cli = path.join('out', 'main', 'songyun.mjs')
const releaseKey = process.env.SONGYUN_BUILTIN_PACK_KEY
const keyFile = releaseKey ?? path.join('.keys', 'builtin-pack.key')
const songyun = (...args) => execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit' })

if (!existsSync(keyFile)) {
  if (releaseKey) {
    process.stderr.write(`SONGYUN_BUILTIN_PACK_KEY names ${releaseKey}, which does not exist\n`)
    process.exit(1)
  }
  songyun('pack', 'keygen', '-o', path.join('.keys', 'builtin-pack'))
}

mkdirSync(path.join('out', 'packs'), { recursive: true })
const publicKeyPem = createPublicKey(readFileSync(keyFile, 'utf8'))
  .export({ type: 'spki', format: 'pem' })
  .toString()
writeFileSync(path.join('out', 'packs', 'builtin-pack.pub'), publicKeyPem)
try {
  songyun(
    'pack',
    'build',
    path.join('assets', 'packs', 'songyun.core'),
    '-o',
    path.join('out', 'packs', 'songyun.core.songpack'),
    '--key',
    keyFile,
  )
} catch {
  process.stderr.write('The built-in pack did not build; see the problems above.\n')
  process.exit(1)
}
