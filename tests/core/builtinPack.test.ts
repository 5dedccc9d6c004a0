import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createManifestSchema, instrumentKinds } from '../../src/pack/manifestSchema'
import type { Exhibit, PackManifest } from '../../src/pack/manifestSchema'

// The built-in pack's source folder: what the app ships and installs on first start.
const packDir = fileURLToPath(new URL('../../assets/packs/songyun.core/', import.meta.url))
const rawManifest: unknown = JSON.parse(readFileSync(join(packDir, 'manifest.json'), 'utf8'))

function parseManifest(): PackManifest {
  const languages = (rawManifest as { languages: string[] }).languages
  const result = createManifestSchema(languages).safeParse(rawManifest)
  if (!result.success) {
    throw new Error(
      result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    )
  }
  return result.data as PackManifest
}

const manifest = parseManifest()

function exhibitOfKind<K extends Exhibit['kind']>(kind: K): Extract<Exhibit, { kind: K }> {
  const exhibit = manifest.exhibits.find((e) => e.kind === kind)
  if (!exhibit) throw new Error(`the built-in pack has no ${kind} exhibit`)
  return exhibit as Extract<Exhibit, { kind: K }>
}

/** Every value under a key that names a media file, with its JSON path. */
function mediaReferences(value: unknown, path = ''): { path: string; file: string }[] {
  if (Array.isArray(value))
    return value.flatMap((item, i) => mediaReferences(item, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key
    if ((key === 'image' || key === 'audio') && typeof child === 'string') {
      return [{ path: childPath, file: child }]
    }
    return key === 'files' && path === '' ? [] : mediaReferences(child, childPath)
  })
}

/** Every object in the raw manifest that has exactly the shape of localized text. */
function localizedTexts(
  value: unknown,
  path = '',
): { path: string; text: Record<string, unknown> }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedTexts(item, `${path}[${i}]`))
  if (value === null || typeof value !== 'object') return []
  const entries = Object.entries(value)
  if (entries.some(([key]) => key === 'zh-CN' || key === 'en')) {
    return [{ path, text: value as Record<string, unknown> }]
  }
  return entries.flatMap(([key, child]) => localizedTexts(child, path ? `${path}.${key}` : key))
}

/** The playing time of an Ogg Opus file: the last page's granule position less the pre-skip. */
function oggOpusDurationSeconds(bytes: Buffer): number {
  const headIndex = bytes.indexOf('OpusHead')
  if (headIndex < 0) throw new Error('not an Ogg Opus file (no OpusHead)')
  const preSkipSamples = bytes.readUInt16LE(headIndex + 10)
  const lastPageIndex = bytes.lastIndexOf('OggS')
  const granule = bytes.readBigUInt64LE(lastPageIndex + 6)
  return (Number(granule) - preSkipSamples) / 48_000
}

describe('built-in pack songyun.core', () => {
  it('is a valid manifest for its languages, which include zh-CN and en', () => {
    expect(manifest.id).toBe('songyun.core')
    expect(manifest.languages).toEqual(expect.arrayContaining(['zh-CN', 'en']))
  })

  it('lists only its recordings in the source files table, each as on disk with its loudness', () => {
    // pack build fills the rest; it reuses these measurements while the hash still matches
    // (scripts/synthesizeDemoAudio.ts writes them, docs/loudness.md).
    for (const [file, entry] of Object.entries(manifest.files)) {
      expect(file).toMatch(/^audio\/.+\.opus$/)
      const bytes = readFileSync(join(packDir, file))
      expect(entry.size).toBe(bytes.length)
      expect(entry.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
      expect(entry.loudness).toBeDefined()
    }
  })

  it('gives every localized text a non-blank string in both languages', () => {
    const texts = localizedTexts(rawManifest)
    expect(texts.length).toBeGreaterThan(100)
    for (const { path, text } of texts) {
      for (const tag of ['zh-CN', 'en']) {
        expect(typeof text[tag] === 'string' && text[tag].trim().length > 0, `${path}.${tag}`).toBe(
          true,
        )
      }
      // Chinese text is written in Chinese, not left as a copy of the English.
      expect(/[\u4e00-\u9fff]/.test(String(text['zh-CN'])), `${path}.zh-CN has no Chinese`).toBe(
        true,
      )
    }
  })

  it('has the three exhibits with exactly the station ids the exhibits rely on, in order', () => {
    expect(exhibitOfKind('woodblock-printing').id).toBe('woodblock-printing')
    expect(exhibitOfKind('woodblock-printing').stations.map((s) => s.id)).toEqual([
      'write-sample',
      'transfer',
      'ink',
      'lay-paper',
      'rub',
      'lift',
    ])
    expect(exhibitOfKind('tea-whisking').id).toBe('tea-whisking')
    expect(exhibitOfKind('tea-whisking').stations.map((s) => s.id)).toEqual([
      'warm-bowl',
      'add-powder',
      'make-paste',
      'pour-1',
      'pour-2',
      'pour-3',
      'pour-4',
      'pour-5',
      'pour-6',
      'pour-7',
      'draw',
    ])
    expect(exhibitOfKind('folk-music').id).toBe('folk-music')
    expect(exhibitOfKind('folk-music').stations.map((s) => s.id)).toEqual([
      'choose-instrument',
      'listen',
      'play-along',
    ])
  })

  it('gives every exhibit 4–8 cards with unique ids, each citing a source', () => {
    for (const exhibit of manifest.exhibits) {
      const ids = exhibit.cards.map((c) => c.id)
      expect(ids.length, exhibit.id).toBeGreaterThanOrEqual(4)
      expect(ids.length, exhibit.id).toBeLessThanOrEqual(8)
      expect(new Set(ids).size, `${exhibit.id} card ids are unique`).toBe(ids.length)
      for (const card of exhibit.cards) {
        expect(card.source['en']?.length ?? 0, `${exhibit.id}/${card.id} source`).toBeGreaterThan(
          10,
        )
      }
    }
  })

  it('gives every station a hint and a card that resolves within its exhibit', () => {
    for (const exhibit of manifest.exhibits) {
      const cardIds = new Set(exhibit.cards.map((c) => c.id))
      for (const station of exhibit.stations) {
        expect(station.cardId, `${exhibit.id}/${station.id} has a cardId`).toBeDefined()
        expect(
          cardIds.has(station.cardId!),
          `${exhibit.id}/${station.id} → ${station.cardId}`,
        ).toBe(true)
      }
    }
  })

  it('gives each exhibit glossary terms with tone-marked pinyin, one syllable per character', () => {
    const toneMark = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/
    for (const exhibit of manifest.exhibits) {
      expect(exhibit.glossary.length, exhibit.id).toBeGreaterThanOrEqual(5)
      for (const { term, pinyin } of exhibit.glossary) {
        const syllables = pinyin
          .toLowerCase()
          .split(/[\s-]+/)
          .join('')
          .match(
            /[^aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]*[aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+(?:ng|n(?![aeiouüāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])|r(?![aeiou]))?/g,
          )
        expect(toneMark.test(pinyin), `${term} ${pinyin} has tone marks`).toBe(true)
        expect(syllables?.length, `${term} ${pinyin}: one syllable per character`).toBe(
          [...term].length,
        )
      }
    }
    const allTerms = manifest.exhibits.flatMap((e) => e.glossary.map((g) => g.term))
    for (const key of ['点茶', '雕版', '茶百戏', '咬盏', '兔毫盏', '宫商角徵羽']) {
      expect(allTerms).toContain(key)
    }
  })

  it('offers the woodblock blocks song, yun, a verse line and a plum motif, and a seal', () => {
    const woodblock = exhibitOfKind('woodblock-printing')
    const blocks = new Map(woodblock.blocks.map((b) => [b.id, b]))
    expect(blocks.get('song')).toMatchObject({ carving: 'characters', text: '宋' })
    expect(blocks.get('yun')).toMatchObject({ carving: 'characters', text: '韵' })
    expect(blocks.get('plum')).toMatchObject({ carving: 'motif', text: '梅' })
    const verses = woodblock.blocks.filter((b) => b.carving === 'verse')
    expect(verses.length).toBeGreaterThanOrEqual(1)
    for (const verse of verses) {
      expect([...verse.text].length).toBeLessThanOrEqual(10)
      expect(verse.text).toMatch(/^[\u4e00-\u9fff]+$/)
    }
    expect([...(woodblock.seal?.text ?? '')].length).toBeGreaterThanOrEqual(2)
    expect([...(woodblock.seal?.text ?? '')].length).toBeLessThanOrEqual(4)
  })

  it('has the six instruments, ids equal to kinds, each with a card and a tonic', () => {
    const music = exhibitOfKind('folk-music')
    expect(music.instruments.map((i) => i.instrument).sort()).toEqual([...instrumentKinds].sort())
    const cardIds = new Set(music.cards.map((c) => c.id))
    for (const instrument of music.instruments) {
      expect(instrument.id).toBe(instrument.instrument)
      expect(cardIds.has(instrument.cardId ?? ''), `${instrument.id} card`).toBe(true)
      expect(instrument.tonicHz).toBeGreaterThan(40)
    }
  })

  it('points every media reference at a file that exists inside the pack folder', () => {
    const references = mediaReferences(rawManifest)
    for (const { path, file } of references) {
      const onDisk = join(packDir, file)
      expect(onDisk.startsWith(packDir), `${path} stays inside the pack`).toBe(true)
      expect(existsSync(onDisk) && statSync(onDisk).isFile(), `${path} → ${file} exists`).toBe(true)
    }
  })

  it('gives every exhibit a menu image and every instrument a picture', () => {
    for (const exhibit of manifest.exhibits) expect(exhibit.image, exhibit.id).toBeDefined()
    for (const instrument of exhibitOfKind('folk-music').instruments) {
      expect(instrument.image, instrument.id).toBeDefined()
    }
  })

  it('bundles images that fetch nothing: no external links, embedded images or web fonts', () => {
    for (const { path, file } of mediaReferences(rawManifest)) {
      if (!file.endsWith('.svg')) continue
      const svg = readFileSync(join(packDir, file), 'utf8')
      const withoutNamespace = svg.replace('xmlns="http://www.w3.org/2000/svg"', '')
      expect(withoutNamespace, `${path} links out`).not.toMatch(
        /https?:|\bhref=|@import|<image|<text/,
      )
      // Every url(...) points at something defined inside the same file.
      for (const [, id] of svg.matchAll(/url\(#([\w-]+)\)/g)) {
        expect(svg, `${path} defines #${id}`).toContain(`id="${id}"`)
      }
    }
  })

  it('labels every track as synthesised, with captions or a description that fit its length', () => {
    const music = exhibitOfKind('folk-music')
    for (const instrument of music.instruments) {
      for (const track of instrument.tracks) {
        const where = `${instrument.id}/${track.id}`
        expect(track.captions.length > 0 || track.description !== undefined, where).toBe(true)
        expect(track.credits['en'], `${where} credits`).toMatch(/synthesi[sz]ed/i)
        expect(track.credits['zh-CN'], `${where} credits`).toMatch(/合成/)
        let previousEnd = 0
        for (const cue of track.captions) {
          expect(cue.startSeconds, `${where} cues in order`).toBeGreaterThanOrEqual(previousEnd)
          expect(cue.endSeconds, `${where} cue ends after it starts`).toBeGreaterThan(
            cue.startSeconds,
          )
          expect(cue.endSeconds, `${where} cue within the track`).toBeLessThanOrEqual(
            track.durationSeconds + 0.5,
          )
          previousEnd = cue.endSeconds
        }
      }
    }
  })

  it("states each track's duration as the length of its Ogg Opus recording", () => {
    for (const instrument of exhibitOfKind('folk-music').instruments) {
      for (const track of instrument.tracks) {
        const bytes = readFileSync(join(packDir, track.audio))
        expect(
          Math.abs(oggOpusDurationSeconds(bytes) - track.durationSeconds),
          `${instrument.id}/${track.id} duration`,
        ).toBeLessThan(0.5)
      }
    }
  })
})
