import * as z from 'zod'
import { manifestSchema } from './manifestSchema'

/**
 * The JSON Schema of manifest.json, made from the zod schema the app validates with, so editors
 * can complete and check a manifest (docs/schema/manifest.schema.json). It describes the input
 * (fields with defaults are optional); rules zod checks in code, such as path safety and media
 * references, are only in the app.
 */
export function manifestJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(manifestSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>
  return {
    $schema: generated.$schema,
    $id: 'https://songyun.invalid/schema/manifest.schema.json',
    title: 'Songyun Kiosk content pack manifest (manifest.json), format version 1',
    ...generated,
  }
}

/** The schema as the file holds it: two-space JSON and a final newline. */
export function manifestJsonSchemaText(): string {
  return `${JSON.stringify(manifestJsonSchema(), null, 2)}\n`
}
