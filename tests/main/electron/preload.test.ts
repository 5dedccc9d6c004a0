import { describe, expect, it, vi } from 'vitest'

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const listeners = new Set<(...args: unknown[]) => void>()
  return {
    exposed,
    listeners,
    contextBridge: {
      exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
    },
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, name: string) =>
        name === 'app:info'
          ? { ok: true, result: { appVersion: '1' } }
          : { ok: false, error: { code: 'forbidden', message: 'needs staff' } },
      ),
      on: vi.fn((_channel: string, fn: (...args: unknown[]) => void) => listeners.add(fn)),
      removeListener: vi.fn((_channel: string, fn: (...args: unknown[]) => void) =>
        listeners.delete(fn),
      ),
    },
  }
})
vi.mock('electron', () => electron)

import type { KioskApi } from '../../../src/contract/contract'
import { RequestError } from '../../../src/contract/requestError'
import { requestIpcChannel } from '../../../main/electron/ipcChannels'

await import('../../../main/preload/preload')

describe('preload', () => {
  const kiosk = electron.exposed.get('kiosk') as KioskApi

  it('exposes exactly the contract as window.kiosk, never ipcRenderer', () => {
    expect([...electron.exposed.keys()]).toEqual(['kiosk'])
    expect(Object.keys(kiosk).sort()).toEqual(['invoke', 'invokeAsStaff', 'on'])
  })

  it('sends requests on the one request channel and turns failures into RequestError', async () => {
    await expect(kiosk.invoke('app:info')).resolves.toEqual({ appVersion: '1' })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(
      requestIpcChannel,
      'app:info',
      undefined,
      undefined,
    )
    const failure = kiosk.invokeAsStaff('token-1', 'settings:update', { volume: 0.2 })
    await expect(failure).rejects.toBeInstanceOf(RequestError)
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(
      requestIpcChannel,
      'settings:update',
      { volume: 0.2 },
      'token-1',
    )
  })

  it('delivers only the subscribed event, without the IPC event object, and unsubscribes', () => {
    const received: unknown[] = []
    const stop = kiosk.on('packs:changed', (payload) => received.push(payload))
    for (const forward of electron.listeners) {
      forward({ sender: 'ipc-event' }, 'settings:changed', { x: 1 })
      forward({ sender: 'ipc-event' }, 'packs:changed', { packs: [] })
    }
    expect(received).toEqual([{ packs: [] }])
    stop()
    expect(electron.listeners.size).toBe(0)
  })
})
