// Writes docs/schema/manifest.schema.json from the zod manifest schema (npm run schema).
// tests/main/packs/manifestJsonSchema.test.ts fails when the file is stale.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { manifestJsonSchemaText } from '../src/pack/manifestJsonSchema'

const target = path.join('docs', 'schema', 'manifest.schema.json')
mkdirSync(path.dirname(target), { recursive: true })
writeFileSync(target, manifestJsonSchemaText())
process.stdout.write(`Wrote ${target}\n`)
