/**
 * Exposes exactly the contract as `window.kiosk`: `invoke`, `invokeAsStaff` and `on`.
 * Raw `ipcRenderer` never reaches the page, and listeners never see the IPC event object.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { EventName, KioskApi, RequestChannel } from '../../src/contract/contract'
import { RequestError, type RequestErrorData } from '../../src/contract/requestError'
import { eventIpcChannel, requestIpcChannel } from '../electron/ipcChannels'

type Outcome = { ok: true; result: unknown } | { ok: false; error: RequestErrorData }

async function request(channel: string, args: unknown, token?: string): Promise<unknown> {
  const outcome = (await ipcRenderer.invoke(requestIpcChannel, channel, args, token)) as Outcome
  if (!outcome.ok) throw RequestError.fromData(outcome.error)
  return outcome.result
}

const kiosk: KioskApi = {
  invoke: ((channel: RequestChannel, args?: unknown) =>
    request(channel, args)) as KioskApi['invoke'],
  invokeAsStaff: ((token: string, channel: RequestChannel, args?: unknown) =>
    request(channel, args, token)) as KioskApi['invokeAsStaff'],
  on: ((event: EventName, listener: (payload: unknown) => void) => {
    const forward = (_ipcEvent: unknown, name: unknown, payload: unknown) => {
      if (name === event) listener(payload)
    }
    ipcRenderer.on(eventIpcChannel, forward)
    return () => ipcRenderer.removeListener(eventIpcChannel, forward)
  }) as KioskApi['on'],
}

contextBridge.exposeInMainWorld('kiosk', kiosk)
