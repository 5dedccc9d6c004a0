import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { manifestJsonSchema, manifestJsonSchemaText } from '../../../src/pack/manifestJsonSchema'

const schemaFile = new URL('../../../docs/schema/manifest.schema.json', import.meta.url)

describe('docs/schema/manifest.schema.json', () => {
  it('is what the zod manifest schema generates now (run `npm run schema` when this fails)', async () => {
    expect(await readFile(schemaFile, 'utf8')).toBe(manifestJsonSchemaText())
  })

  it('describes the envelope of docs/content-pack-format.md, with every required field required', () => {
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

describe('media references', () => {
  it('every pack-path field under exhibits is one the reference check knows', async () => {
    const { mediaReferenceKeys } = await import('../../../main/services/packs/mediaReferences')
    // A pack path renders as a string of 1–512 characters; collect the keys that hold one.
    const pathKeys = new Set<string>()
    const walk = (node: unknown, key: string | undefined) => {
      if (Array.isArray(node)) return node.forEach((item) => walk(item, key))
      if (typeof node !== 'object' || node === null) return
      const schema = node as Record<string, unknown>
      if (schema.type === 'string' && schema.maxLength === 512 && key !== undefined)
        pathKeys.add(key)
      for (const [childKey, child] of Object.entries(schema)) {
        if (childKey === 'properties') {
          for (const [name, property] of Object.entries(child as Record<string, unknown>))
            walk(property, name)
        } else {
          walk(
            child,
            childKey === 'items' || childKey === 'anyOf' || childKey === 'oneOf' ? key : undefined,
          )
        }
      }
    }
    const schema = manifestJsonSchema() as { properties: { exhibits: unknown } }
    walk(schema.properties.exhibits, 'exhibits')
    expect([...pathKeys]).toEqual(expect.arrayContaining(['image', 'audio']))
    for (const key of pathKeys) expect(mediaReferenceKeys).toContain(key)
  })
})
