import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { createManifestSchema, instrumentKinds } from '../../src/pack/manifestSchema'
import type { Exhibit, PackManifest } from '../../src/pack/manifestSchema'
import { readingPerCharacter } from '../../src/i18n/pinyinSyllables'

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
  return result.data
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
      'carve',
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

  it('gives every exhibit 4–12 cards with unique ids, each citing a source', () => {
    for (const exhibit of manifest.exhibits) {
      const ids = exhibit.cards.map((c) => c.id)
      expect(ids.length, exhibit.id).toBeGreaterThanOrEqual(4)
      expect(ids.length, exhibit.id).toBeLessThanOrEqual(12)
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
        // The reading aid sets each syllable over its own character (PinyinRuby).
        expect(readingPerCharacter(term, pinyin), `${term} ${pinyin} splits`).toBeDefined()
        expect(pinyin, `${term} is NFC`).toBe(pinyin.normalize('NFC'))
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

/** All the pack's text in one language, each string with the JSON path it sits at. */
function textsIn(tag: 'zh-CN' | 'en'): { path: string; text: string }[] {
  return localizedTexts(rawManifest).map(({ path, text }) => ({ path, text: String(text[tag]) }))
}

function cardOf(kind: Exhibit['kind'], id: string): Exhibit['cards'][number] {
  const card = exhibitOfKind(kind).cards.find((c) => c.id === id)
  if (!card) throw new Error(`the ${kind} exhibit has no card ${id}`)
  return card
}

// A curator's review against the primary texts (docs/content-packs.md "The built-in pack's
// facts"): each case is a string that was wrong in the pack, or the corrected one.
describe('built-in pack: the curator’s corrections', () => {
  const zh = textsIn('zh-CN')
  const en = textsIn('en')
  const allZh = zh.map((t) => t.text).join('\n')
  const allEn = en.map((t) => t.text).join('\n')

  it.each([
    ['the Diamond Sutra’s colophon date', '四月十三日'],
    ['the paste principle reversed', '依水量取茶'],
    ['the fourth pour’s clouds', '渐生云雾'],
    ['咬盏 as circling', '周回不散'],
    ['临安 as the capital proper', '定都临安'],
    ['Jiang Kui’s count of his own tunes', '十七首自度曲'],
    ['a modern term for Song practice', '茶艺'],
  ])('no longer says (zh-CN) %s: %s', (_what, wrong) => {
    expect(zh.filter((t) => t.text.includes(wrong)).map((t) => t.path)).toEqual([])
  })

  it.each([
    ['the colophon’s 13th day', /13th/],
    ['the Mengliang Lu as dreams of splendour', /Dreams? of Splendou?r/i],
    ['the fourth pour’s clouds and mist', /clouds and mist/i],
    ['咬盏 as circling', /circles there/i],
    ['Hangzhou carvers hired by Fujian', /Hangzhou carvers/i],
    ['a demo as a Song tune without saying it is new', /from note data it prepared/],
  ])('no longer says (en) %s', (_what, wrong) => {
    expect(en.filter((t) => wrong.test(t.text)).map((t) => t.path)).toEqual([])
  })

  it('dates the Diamond Sutra to the 15th day of the 4th moon, in both languages', () => {
    const card = cardOf('woodblock-printing', 'diamond-sutra')
    expect(card.body['zh-CN']).toContain('咸通九年四月十五日王玠为二亲敬造普施')
    expect(card.body['en']).toContain('15th day of the 4th moon')
  })

  it('quotes the seven pours as the Treatise has them: 量茶受汤, 轻云渐生, 周回凝而不动', () => {
    expect(allZh).toContain('量茶受汤')
    expect(allEn).toMatch(/fits? the water to the amount of tea/)
    const pours = cardOf('tea-whisking', 'seven-pours')
    expect(pours.body['zh-CN']).toContain('轻云渐生')
    expect(pours.body['en']).toContain('light clouds gradually form')
    expect(cardOf('tea-whisking', 'bite-the-bowl').body['zh-CN']).toContain('周回凝而不动')
    expect(cardOf('tea-whisking', 'bite-the-bowl').body['en']).toMatch(/all round, still/)
  })

  it('keeps the four colour grades for a card about the cake, not the contest', () => {
    expect(cardOf('tea-whisking', 'bite-the-bowl').body['zh-CN']).not.toContain('青白')
    const cake = cardOf('tea-whisking', 'cake-colour')
    expect(cake.body['zh-CN']).toContain('以纯白为上真，青白为次，灰白次之，黄白又次之')
    expect(cake.body['zh-CN']).toContain('蒸')
    expect(cake.body['en']).toMatch(/not how well it was whisked/)
  })

  it('cites Cai Jing’s Yanfu Palace banquet (1120) for Huizong whisking for his ministers', () => {
    const card = cardOf('tea-whisking', 'huizong-treatise')
    expect(card.body['zh-CN']).toContain('白乳浮盏面，如疏星淡月')
    expect(card.source['zh-CN']).toContain('蔡京《延福宫曲宴记》')
    expect(card.source['en']).toContain('Cai Jing')
  })

  it('counts 17 notated songs of which 14 are Jiang Kui’s own tunes, in both languages', () => {
    const card = cardOf('folk-music', 'jiang-kui')
    expect(card.body['zh-CN']).toMatch(/十七首.*十四首/)
    expect(card.body['en']).toMatch(/seventeen songs.*Fourteen are tunes of his own/s)
  })

  it('says Zhejiang carvers and 行在 in both languages, citing 石林燕语 卷八 directly', () => {
    const card = cardOf('woodblock-printing', 'hangzhou-best')
    expect(card.body['zh-CN']).toContain('浙江工匠')
    expect(card.body['en']).toContain('Zhejiang carvers')
    expect(card.body['zh-CN']).toContain('南宋以临安为行在')
    expect(card.body['en']).toMatch(/xingzai, its “temporary seat”/)
    expect(card.source['zh-CN']).toContain('《石林燕语》卷八')
    expect(card.source['zh-CN']).not.toContain('金台纪闻')
  })

  it('calls the Mengliang Lu “Record of a Dream of Millet” wherever it is named in English', () => {
    const named = en.filter((t) => t.text.includes('Mengliang Lu'))
    expect(named.length).toBeGreaterThan(0)
    for (const { path, text } of named) expect(text, path).toContain('Record of a Dream of Millet')
  })

  it('gives the pipa tuning as today’s (今天的琵琶)', () => {
    const card = cardOf('folk-music', 'plucked-strings')
    expect(card.body['zh-CN']).toContain('今天的琵琶')
    expect(card.body['en']).toContain('Today’s pipa')
  })

  it('labels every demo as newly composed, not a Song melody, and 扬州慢 as a reconstruction', () => {
    for (const instrument of exhibitOfKind('folk-music').instruments) {
      for (const track of instrument.tracks) {
        const where = `${instrument.id}/${track.id}`
        if (track.id === 'xiao-yangzhou-man') {
          expect(track.title['zh-CN'], where).toContain('重构')
          expect(track.credits['zh-CN'], where).toContain('重构')
          expect(track.credits['en'], where).toMatch(/reconstruction/i)
        } else {
          expect(track.credits['zh-CN'], where).toContain('新作示范曲')
          expect(track.credits['zh-CN'], where).toContain('不是宋代流传下来的曲调')
          expect(track.credits['en'], where).toContain(
            'newly composed demonstration in a Song mode',
          )
          expect(track.credits['en'], where).toContain('not a Song melody')
        }
      }
    }
  })

  it('puts movable type beside Shen Kuo’s own line that books were block-printed', () => {
    const card = cardOf('woodblock-printing', 'movable-type')
    expect(card.body['zh-CN']).toContain(
      '板印书籍，唐人尚未盛为之。自冯瀛王始印五经，已后典籍皆为板本',
    )
    expect(card.body['en']).toMatch(/stayed overwhelmingly woodblock/)
  })

  it('tells the new stories, each on a card with its source in both languages', () => {
    const stories: [Exhibit['kind'], string, string][] = [
      ['woodblock-printing', 'carving', '发刀'],
      ['woodblock-printing', 'zhejiang-editions', '浙本'],
      ['tea-whisking', 'judging-the-water', '蟹眼'],
      ['tea-whisking', 'tea-houses', '撵茶图'],
      ['tea-whisking', 'jingshan-tea-feast', '径山茶宴'],
      ['folk-music', 'sung-lyrics', '小红低唱我吹箫'],
      ['folk-music', 'song-band', '奚琴'],
      ['folk-music', 'zhe-school-qin', '潇湘水云'],
    ]
    for (const [kind, id, phrase] of stories) {
      const card = cardOf(kind, id)
      expect(card.body['zh-CN'], id).toContain(phrase)
      expect(card.source['zh-CN']?.length, `${id} source zh-CN`).toBeGreaterThan(4)
      expect(card.source['en']?.length, `${id} source en`).toBeGreaterThan(10)
    }
    expect(cardOf('folk-music', 'song-band').source['zh-CN']).toMatch(
      /东京梦华录》卷九.*梦粱录》卷三.*武林旧事/,
    )
    expect(cardOf('tea-whisking', 'tea-houses').source['zh-CN']).toContain('《梦粱录》卷十六“茶肆”')
  })

  it('gives every card a source in both languages, the Chinese one in Chinese', () => {
    for (const exhibit of manifest.exhibits) {
      for (const card of exhibit.cards) {
        const where = `${exhibit.id}/${card.id}`
        expect(card.source['zh-CN'], where).toMatch(/[\u4e00-\u9fff]/)
        expect(card.source['en'], where).toMatch(/[A-Za-z]{3}/)
        expect(card.title['en'], where).toMatch(/[A-Za-z]/)
      }
    }
  })
})
