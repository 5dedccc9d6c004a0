import { generateKeyPairSync, sign } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import yazl from 'yazl'
import { expect, tap, test } from './support/kioskTest'

/** Calls the services as the browser shell's API does, optionally as staff. */
async function request<T>(
  baseUrl: string,
  channel: string,
  args?: unknown,
  staffToken?: string,
): Promise<T> {
  const response = await fetch(`${baseUrl}api/request/${channel}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(staffToken ? { 'x-songyun-staff-session': staffToken } : {}),
    },
    body: JSON.stringify(args === undefined ? {} : { args }),
  })
  const body = (await response.json()) as { ok: boolean; result?: T; error?: unknown }
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`)
  return body.result as T
}

/** A signed seasonal pack with one tea exhibit, as an operator would bring on a USB stick. */
async function seasonalPack(
  folder: string,
  version: string,
  title: string,
  privateKey: Parameters<typeof sign>[2],
) {
  const image = Buffer.from(`seasonal image ${version}`)
  const manifest = Buffer.from(
    JSON.stringify({
      format: 'songyun-pack',
      formatVersion: 1,
      id: 'season.pack',
      version,
      title: { 'zh-CN': '时令', en: 'Seasonal' },
      publisher: 'e2e',
      createdAt: '2026-11-28T00:00:00Z',
      languages: ['zh-CN', 'en'],
      exhibits: [
        {
          kind: 'tea-whisking',
          id: 'season-tea',
          title: { 'zh-CN': `${title}（中文）`, en: title },
          teaser: { 'zh-CN': '时令茶会。', en: 'A seasonal tea gathering.' },
          image: 'images/season.png',
          stations: [
            {
              id: 'whisk',
              title: { 'zh-CN': '击拂', en: 'Whisk' },
              hint: { 'zh-CN': '划动。', en: 'Swipe.' },
            },
          ],
        },
      ],
      files: {
        'images/season.png': {
          sha256: (await import('node:crypto')).createHash('sha256').update(image).digest('hex'),
          size: image.length,
        },
      },
    }),
  )
  const zip = new yazl.ZipFile()
  zip.addBuffer(manifest, 'manifest.json')
  zip.addBuffer(Buffer.from(sign(null, manifest, privateKey).toString('base64')), 'manifest.sig')
  zip.addBuffer(image, 'images/season.png')
  zip.end()
  const file = path.join(folder, `season-${version}.songpack`)
  await pipeline(zip.outputStream, createWriteStream(file))
  return file
}

test('the menu follows a pack installed and rolled back from the admin API, without a reload', async ({
  page,
  server,
  consoleErrors,
}) => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  await server.writeDataFile(
    'trusted-keys/e2e.pub',
    publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  )
  const usb = await mkdtemp(path.join(os.tmpdir(), 'songyun-e2e-usb-'))
  try {
    await page.goto(server.url)
    await tap(page, '[data-screen="attract"]')
    await expect(page.locator('[data-screen="menu"]')).toBeVisible()
    await expect(page.locator('[data-exhibit-id="woodblock-printing"]')).toBeVisible()
    await expect(page.locator('[data-exhibit-id="season-tea"]')).toHaveCount(0)

    const unlocked = await request<{ sessionToken: string }>(server.url, 'staff:create-pin', {
      pin: '135790',
    })
    const staff = unlocked.sessionToken
    const builtin = await request<{
      packs: { id: string; versions: { isBuiltin: boolean; isSigned: boolean }[] }[]
    }>(server.url, 'packs:list', undefined, staff)
    expect(builtin.packs).toEqual([
      expect.objectContaining({
        id: 'songyun.core',
        versions: [expect.objectContaining({ isBuiltin: true, isSigned: true })],
      }),
    ])

    await request(
      server.url,
      'packs:install',
      { path: await seasonalPack(usb, '1.0.0', 'Spring tea', privateKey) },
      staff,
    )
    await expect(page.locator('[data-exhibit-id="season-tea"]')).toContainText(/Spring tea/)

    await request(
      server.url,
      'packs:install',
      { path: await seasonalPack(usb, '1.1.0', 'Summer tea', privateKey) },
      staff,
    )
    await expect(page.locator('[data-exhibit-id="season-tea"]')).toContainText(/Summer tea/)

    await request(server.url, 'packs:rollback', { packId: 'season.pack' }, staff)
    await expect(page.locator('[data-exhibit-id="season-tea"]')).toContainText(/Spring tea/)
    await expect(page.locator('[data-exhibit-id="woodblock-printing"]')).toBeVisible()
    expect(consoleErrors).toEqual([])
  } finally {
    await rm(usb, { recursive: true, force: true })
  }
})
