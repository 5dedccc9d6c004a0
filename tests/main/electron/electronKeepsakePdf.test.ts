import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ BrowserWindow: vi.fn() }))

import {
  electronKeepsakePdfRenderer,
  type KeepsakePrintWindow,
} from '../../../main/electron/electronKeepsakePdf'
import { useTempDirs } from '../support/tempDataDir'

const tempDir = useTempDirs()

function fakeWindow(failAt?: 'load' | 'print') {
  const calls: string[] = []
  const window: KeepsakePrintWindow = {
    loadFile: async (file) => {
      calls.push(`load ${file}`)
      if (failAt === 'load') throw new Error('ERR_FILE_NOT_FOUND')
    },
    webContents: {
      printToPDF: async (options) => {
        calls.push(`print ${JSON.stringify(options)}`)
        if (failAt === 'print') throw new Error('printing failed')
        return Buffer.from('%PDF-1.4 card')
      },
    },
    destroy: () => void calls.push('destroy'),
  }
  return { window, calls }
}

describe('the Electron keepsake PDF', () => {
  it('loads the card page offscreen, prints it at its @page size without margins, and destroys the window', async () => {
    const dir = await tempDir()
    const { window, calls } = fakeWindow()
    const pdfPath = path.join(dir, 'card.pdf')
    await electronKeepsakePdfRenderer(() => window)(path.join(dir, 'card.html'), pdfPath)
    expect(calls).toEqual([
      `load ${path.join(dir, 'card.html')}`,
      `print ${JSON.stringify({ preferCSSPageSize: true, printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } })}`,
      'destroy',
    ])
    expect(await readFile(pdfPath, 'utf8')).toBe('%PDF-1.4 card')
  })

  it('destroys the window when loading or printing fails, and passes the failure on', async () => {
    for (const failAt of ['load', 'print'] as const) {
      const { window, calls } = fakeWindow(failAt)
      await expect(
        electronKeepsakePdfRenderer(() => window)('/nowhere/card.html', '/nowhere/card.pdf'),
      ).rejects.toThrow()
      expect(calls.at(-1)).toBe('destroy')
    }
  })
})
