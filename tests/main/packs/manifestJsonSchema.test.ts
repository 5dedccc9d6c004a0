import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { manifestJsonSchema, manifestJsonSchemaText } from '../../../src/pack/manifestJsonSchema'

const schemaFile = new URL('../../../docs/schema/manifest.schema.json', import.meta.url)

describe('docs/schema/manifest.schema.json', () => {
  it('is what the zod manifest schema generates now (run `npm run schema` when this fails)', async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(manifestJsonSchemaText())
  })

  it('describes the envelope of content-pack.md, with every required field required', () => {
    const schema = manifestJsonSchema() as {
      required: string[]
      properties: Record<string, { const?: unknown }>
    }
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'format',
        'formatVersion',
        'id',
        'version',
        'title',
        'publisher',
        'createdAt',
        'languages',
        'exhibits',
        'files',
      ]),
    )
    expect(schema.required).not.toContain('minAppVersion')
    expect(schema.properties.format!.const).toBe('songyun-pack')
    expect(schema.properties.formatVersion!.const).toBe(1)
  })
})
