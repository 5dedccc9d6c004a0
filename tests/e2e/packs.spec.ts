import { generateKeyPairSync } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { expect, tap, test } from './support/kioskTest'
import { seasonalPack } from './support/seasonalPack'

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
