import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { settingsShape } from '../../../src/settings/settingsSchema'

// Operators get README.md and docs/ and nothing else: every link must land on a file (and heading)
// inside this repository, and no page may cite a document that is not in it.
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** README.md and every Markdown file under docs/, relative to the repository root. */
function operatorPages(): string[] {
  const docs = readdirSync(path.join(repoRoot, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.join('docs', name))
  return ['README.md', ...docs]
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-')
}

function anchorsOf(markdown: string): Set<string> {
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '')
  return new Set(
    [...withoutCode.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => headingAnchor(match[1]!)),
  )
}

/** Every Markdown file name anywhere in the repository (docs may name them in prose). */
const markdownNames = new Set(
  readdirSync(repoRoot, { recursive: true, encoding: 'utf8' })
    .filter((name) => !name.startsWith('node_modules') && !name.startsWith('.git'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => path.basename(name)),
)

/** What in one page points outside the repository, or at nothing; empty when all is well. */
function linkProblemsOf(pagePath: string, markdown: string): string[] {
  const problems: string[] = []
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '')
  const links = [
    ...[...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!),
    ...[...prose.matchAll(/<(https?:\/\/[^>]+)>/g)].map((m) => m[1]!),
  ]
  for (const target of links) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
      problems.push(`${pagePath}: ${target} points outside the repository`)
      continue
    }
    const [filePart, anchor] = target.split('#') as [string, string | undefined]
    const resolved = filePart
      ? path.resolve(path.dirname(path.join(repoRoot, pagePath)), decodeURIComponent(filePart))
      : path.join(repoRoot, pagePath)
    if (path.relative(repoRoot, resolved).startsWith('..')) {
      problems.push(`${pagePath}: ${target} points outside the repository`)
    } else if (!existsSync(resolved)) {
      problems.push(`${pagePath}: ${target} names no file in the repository`)
    } else if (anchor && statSync(resolved).isFile() && resolved.endsWith('.md')) {
      const text =
        resolved === path.join(repoRoot, pagePath) ? markdown : readFileSync(resolved, 'utf8')
      if (!anchorsOf(text).has(anchor)) problems.push(`${pagePath}: ${target} names no heading`)
    }
  }
  for (const match of prose.matchAll(/https?:\/\/[^\s)>`]+/g)) {
    if (!links.includes(match[0]))
      problems.push(`${pagePath}: ${match[0]} points outside the repository`)
  }
  // A cited document must be one the reader has ("as kiosk.md asks" sends them nowhere).
  for (const match of prose.matchAll(/[\w./-]*?([\w-]+\.md)\b/g)) {
    if (!markdownNames.has(match[1]!)) {
      problems.push(`${pagePath}: cites ${match[0]}, which is not in the repository`)
    }
  }
  return problems
}

describe('README.md and docs/ stand alone', () => {
  it('no link points outside the repository or at a file or heading that is not there', () => {
    const problems = operatorPages().flatMap((page) =>
      linkProblemsOf(page, readFileSync(path.join(repoRoot, page), 'utf8')),
    )
    expect(problems).toEqual([])
  })

  it("operators.md's settings table has a row for every key of settings.json", () => {
    const operators = readFileSync(path.join(repoRoot, 'docs', 'operators.md'), 'utf8')
    const documented = new Set(
      [...operators.matchAll(/^\| `([A-Za-z]+)`\s+\|/gm)].map((match) => match[1]!),
    )
    expect(Object.keys(settingsShape).filter((key) => !documented.has(key))).toEqual([])
  })

  it('the check catches what the operator tripped over', () => {
    const page = 'docs/operators.md'
    expect(
      linkProblemsOf(
        page,
        [
          'The format is in [the spec](../../shared/spec/content-pack.md).',
          'Bilingual, as kiosk.md asks. See [cage](https://example.org/cage) or <https://example.org>.',
          'Also [packs](content-packs.md#no-such-heading) and [gone](missing.md).',
        ].join('\n'),
      ).sort(),
    ).toEqual(
      [
        `${page}: ../../shared/spec/content-pack.md points outside the repository`,
        `${page}: https://example.org/cage points outside the repository`,
        `${page}: https://example.org points outside the repository`,
        `${page}: content-packs.md#no-such-heading names no heading`,
        `${page}: missing.md names no file in the repository`,
        `${page}: cites ../../shared/spec/content-pack.md, which is not in the repository`,
        `${page}: cites kiosk.md, which is not in the repository`,
        `${page}: cites missing.md, which is not in the repository`,
      ].sort(),
    )
  })
})
