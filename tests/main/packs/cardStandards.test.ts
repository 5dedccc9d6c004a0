import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { writeExamplePack } from '../../../main/services/packs/examplePack'
import { checkManifestBytes } from '../../../main/services/packs/manifestCheck'
import { useTempDirs } from '../support/tempDataDir'

/** The `pack init` example's manifest, to break one card of. */
async function exampleManifest(folder: string): Promise<Record<string, unknown>> {
  await writeExamplePack(folder)
  return JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >
}

type Card = Record<string, Record<string, string> | string>
const firstCard = (manifest: Record<string, unknown>) =>
  (manifest.exhibits as { cards: Card[] }[])[0]!.cards[0]!

// `songyun pack validate` (and build, and install) keep the built-in pack's standard: every
// knowledge card cites its source, and every card text is in each of the pack's languages.
describe('pack validate: knowledge-card standards', () => {
  const makeDir = useTempDirs()

  it('passes the example pack, whose cards cite their sources in both languages', async () => {
    const manifest = await exampleManifest(await makeDir())
    expect(checkManifestBytes(Buffer.from(JSON.stringify(manifest)), '99.0.0').problems).toEqual([])
  })

  it('fails a card without a source, naming the card and what to add', async () => {
    const manifest = await exampleManifest(await makeDir())
    delete firstCard(manifest).source
    const { problems } = checkManifestBytes(Buffer.from(JSON.stringify(manifest)), '99.0.0')
    expect(problems).toEqual([
      {
        path: 'manifest.json#/exhibits/0/cards/0/source',
        message: expect.stringMatching(/cites no source: add "source" with the author, work/),
      },
    ])
  })

  it('fails a card whose body or source lacks a language, naming the language', async () => {
    const manifest = await exampleManifest(await makeDir())
    delete (firstCard(manifest).body as Record<string, string>)['en']
    delete (firstCard(manifest).source as Record<string, string>)['zh-CN']
    const { problems } = checkManifestBytes(Buffer.from(JSON.stringify(manifest)), '99.0.0')
    expect(problems).toEqual([
      {
        path: 'manifest.json#/exhibits/0/cards/0/body/en',
        message: expect.stringContaining('the "en" text is missing'),
      },
      {
        path: 'manifest.json#/exhibits/0/cards/0/source/zh-CN',
        message: expect.stringContaining('the "zh-CN" text is missing'),
      },
    ])
  })
})
