import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// A reader of the code has this repository and nothing else: a comment that cites a document
// must cite one under docs/ that is there (and, when it names a section, a section that is there).
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

const sourceFolders = ['src', 'main', 'renderer', 'scripts', 'bench', 'tests', 'build', 'bin']
const sourceFilePattern = /\.(ts|vue|js|mjs|cjs)$/
// These two hold deliberate bad citations, to show that the checks catch them.
const selfTests = new Set([
  'tests/main/docs/sourceCitations.test.ts',
  'tests/main/docs/docsStandAlone.test.ts',
])

/** Every source file (relative, with `/`), and the configuration files at the root. */
function sourceFiles(): string[] {
  const nested = sourceFolders
    .filter((folder) => existsSync(path.join(repoRoot, folder)))
    .flatMap((folder) =>
      readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: 'utf8' }).map((name) =>
        path.posix.join(folder, name.split(path.sep).join('/')),
      ),
    )
  const atRoot = readdirSync(repoRoot).filter((name) =>
    statSync(path.join(repoRoot, name)).isFile(),
  )
  return [...nested, ...atRoot].filter(
    (name) =>
      sourceFilePattern.test(name) && !name.includes('node_modules/') && !selfTests.has(name),
  )
}

/** The section names a Markdown file offers: its headings and its bold paragraph leads. */
function sectionsOf(markdown: string): string[] {
  return [
    ...[...markdown.matchAll(/^#{1,6}\s+(.+)$/gm)].map((match) => match[1]!),
    ...[...markdown.matchAll(/^\*\*(.+?)\*\*/gm)].map((match) => match[1]!),
  ]
}

/** Whether `docs/…` names a file or folder, or (`<` or `*` in it) a pattern some file fits. */
function docsPathExists(docsPath: string): boolean {
  const wildcardAt = docsPath.search(/[<*]/)
  if (wildcardAt < 0) return existsSync(path.join(repoRoot, docsPath))
  const prefix = docsPath.slice(0, wildcardAt)
  const folder = prefix.endsWith('/') ? prefix : path.posix.dirname(prefix) + '/'
  if (!existsSync(path.join(repoRoot, folder))) return false
  const namePrefix = prefix.slice(folder.length)
  return readdirSync(path.join(repoRoot, folder)).some((name) => name.startsWith(namePrefix))
}

/** What in one source file cites a document outside docs/, or one that is not there. */
function citationProblemsOf(filePath: string, text: string): string[] {
  const problems: string[] = []
  for (const match of text.matchAll(/(?<![\w/.-])((?:[\w.-]+\/)*[\w.-]+\.md)\b/g)) {
    const cited = match[1]!
    if (cited === 'README.md') continue
    if (!cited.startsWith('docs/')) {
      problems.push(`${filePath}: cites ${cited}; cite a page under docs/ instead`)
    } else if (!existsSync(path.join(repoRoot, cited))) {
      problems.push(`${filePath}: cites ${cited}, which is not in docs/`)
    } else {
      const section = /^ "([^"\n]+)"/.exec(text.slice(match.index + cited.length))?.[1]
      const sections = section && sectionsOf(readFileSync(path.join(repoRoot, cited), 'utf8'))
      if (sections && !sections.some((name) => name.startsWith(section))) {
        problems.push(`${filePath}: cites ${cited} "${section}", a section that page does not have`)
      }
    }
  }
  for (const match of text.matchAll(/(?<![\w/.-])docs\/[\w./<>*-]*/g)) {
    const cited = match[0].replace(/[.>]+$/, '')
    if (cited.endsWith('.md')) continue
    if (!docsPathExists(cited)) problems.push(`${filePath}: cites ${cited}, which is not in docs/`)
  }
  for (const match of text.matchAll(/(?:\.\.\/)+shared\/[\w./-]*|\/work\/shared\/[\w./-]*/g)) {
    const cited = match[0].replace(/\.+$/, '')
    problems.push(`${filePath}: cites ${cited}, outside the repository; cite docs/ instead`)
  }
  return problems
}

describe('source files cite only docs/ inside the repository', () => {
  it('every cited document is a page under docs/ that exists, with the section named', () => {
    const files = sourceFiles()
    expect(files.length).toBeGreaterThan(100)
    const problems = files.flatMap((file) =>
      citationProblemsOf(file, readFileSync(path.join(repoRoot, file), 'utf8')),
    )
    expect(problems).toEqual([])
  })

  it('the check catches each way a citation leaves the reader with nothing', () => {
    const file = 'src/example.ts'
    const text = [
      '// The format is in content-pack.md, see also ../../shared/spec/kiosk.md.',
      '// Screens: visual-language.md; contract: docs/kiosk-contract.md "No such section".',
      '// Gone: docs/missing.md and docs/schema/missing.json; docs/screenshots/nothing-<n>.png.',
      '// Fine: docs/kiosk-contract.md "The data folder", docs/operators.md "Settings",',
      '// docs/schema/manifest.schema.json, docs/screenshots/ and README.md.',
    ].join('\n')
    expect(citationProblemsOf(file, text).sort()).toEqual(
      [
        `${file}: cites content-pack.md; cite a page under docs/ instead`,
        `${file}: cites ../../shared/spec/kiosk.md; cite a page under docs/ instead`,
        `${file}: cites ../../shared/spec/kiosk.md, outside the repository; cite docs/ instead`,
        `${file}: cites visual-language.md; cite a page under docs/ instead`,
        `${file}: cites docs/kiosk-contract.md "No such section", a section that page does not have`,
        `${file}: cites docs/missing.md, which is not in docs/`,
        `${file}: cites docs/schema/missing.json, which is not in docs/`,
        `${file}: cites docs/screenshots/nothing-<n>.png, which is not in docs/`,
      ].sort(),
    )
  })
})
