import { execFile } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'

/**
 * A fake CUPS `lp` for the keepsake tests: first on the server's PATH, it writes its arguments
 * to `calls.txt` (one call a line) and exits 0, or, while `fail.txt` exists, says its text on
 * stderr and exits 1, as `lp` does when a queue is missing.
 */
export class FakeLp {
  readonly folder = mkdtempSync(path.join(os.tmpdir(), 'songyun-e2e-lp-'))
  readonly binDir = path.join(this.folder, 'bin')

  constructor() {
    mkdirSync(this.binDir)
    const script = path.join(this.binDir, 'lp')
    writeFileSync(
      script,
      [
        '#!/bin/sh',
        `dir='${this.folder}'`,
        'if [ -f "$dir/fail.txt" ]; then cat "$dir/fail.txt" >&2; exit 1; fi',
        'printf "%s\\n" "$*" >> "$dir/calls.txt"',
        'echo "request id is desk-1 (1 file(s))"',
        '',
      ].join('\n'),
    )
    chmodSync(script, 0o755)
  }

  /** The server's environment: this `lp` before any other. */
  get env(): Record<string, string> {
    return { PATH: `${this.binDir}${path.delimiter}${process.env.PATH ?? ''}` }
  }

  /** Makes every later call fail with `message`, or succeed again with undefined. */
  async failWith(message: string | undefined): Promise<void> {
    const file = path.join(this.folder, 'fail.txt')
    if (message === undefined) await rm(file, { force: true })
    else await writeFile(file, `${message}\n`)
  }

  /** Each call's arguments, split on spaces (the tests' paths have none). */
  async calls(): Promise<string[][]> {
    const text = await readFile(path.join(this.folder, 'calls.txt'), 'utf8').catch(() => '')
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(' '))
  }

  async remove(): Promise<void> {
    await rm(this.folder, { recursive: true, force: true })
  }
}

const run = promisify(execFile)

/** The text of a PDF as `pdftotext` reads it, with all white space removed. */
export async function pdfText(pdfPath: string): Promise<string> {
  const { stdout } = await run('pdftotext', [pdfPath, '-'])
  return stdout.replace(/\s+/g, '')
}

/** A PDF's first page at `dpi` as a PNG file (`pdftoppm`), for a screenshot or a comparison. */
export async function pdfPageToPng(pdfPath: string, dpi: number, pngPath: string): Promise<void> {
  await run('pdftoppm', [
    '-r',
    String(dpi),
    '-png',
    '-singlefile',
    pdfPath,
    pngPath.replace(/\.png$/, ''),
  ])
}

/**
 * Mean absolute difference (0–255) between the picture box of a rasterised keepsake page and a
 * canvas on the page: each is drawn at (n·8)² and averaged over 8 × 8 blocks in the browser, so
 * two resolutions of one picture compare as equal (a plain downscale would alias at ink edges).
 */
export async function pictureDifference(
  page: Page,
  pagePng: Buffer,
  box: { xFraction: number; yFraction: number; widthFraction: number; heightFraction: number },
  canvasSelector: string,
  n = 24,
): Promise<number> {
  return page.evaluate(
    async ({ base64, box, canvasSelector, n }) => {
      const image = new Image()
      image.src = `data:image/png;base64,${base64}`
      await image.decode()
      const block = 8
      const side = n * block
      const sample = (
        source: CanvasImageSource,
        sx: number,
        sy: number,
        sw: number,
        sh: number,
      ) => {
        const copy = document.createElement('canvas')
        copy.width = side
        copy.height = side
        const context = copy.getContext('2d')!
        context.drawImage(source, sx, sy, sw, sh, 0, 0, side, side)
        const data = context.getImageData(0, 0, side, side).data
        const means = new Float64Array(n * n * 3)
        for (let y = 0; y < side; y++) {
          for (let x = 0; x < side; x++) {
            const cell = (Math.floor(y / block) * n + Math.floor(x / block)) * 3
            for (let c = 0; c < 3; c++)
              means[cell + c]! += data[(y * side + x) * 4 + c]! / block ** 2
          }
        }
        return means
      }
      const fromPdf = sample(
        image,
        box.xFraction * image.width,
        box.yFraction * image.height,
        box.widthFraction * image.width,
        box.heightFraction * image.height,
      )
      const canvas = document.querySelector<HTMLCanvasElement>(canvasSelector)!
      const fromScreen = sample(canvas, 0, 0, canvas.width, canvas.height)
      let total = 0
      for (let i = 0; i < fromPdf.length; i++) total += Math.abs(fromPdf[i]! - fromScreen[i]!)
      return total / fromPdf.length
    },
    { base64: pagePng.toString('base64'), box, canvasSelector, n },
  )
}
