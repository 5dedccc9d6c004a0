import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import type { KioskServices } from '../services/kioskServices'
import type { DispatchOutcome } from '../services/requestDispatcher'
import { isAppUrl } from './lockNavigation'
import { eventIpcChannel, requestIpcChannel } from './ipcChannels'

/**
 * Answers every contract request arriving over IPC, after checking that it comes from the
 * kiosk's own top frame on the app origin (GHSA-mq8j-3h7h-p8g7); the arguments are parsed
 * against the contract's schema by the shared dispatcher. Events are forwarded to the window.
 * Returns the function that unbinds both.
 */
export function bindContractToIpc(
  services: KioskServices,
  getWindow: () => BrowserWindow | undefined,
): () => void {
  ipcMain.handle(requestIpcChannel, (event, channel: unknown, args: unknown, token: unknown) =>
    answer(services, event, channel, args, token),
  )
  const stopForwarding = services.events.onAny((name, payload) => {
    const window = getWindow()
    if (window && !window.isDestroyed()) window.webContents.send(eventIpcChannel, name, payload)
  })
  return () => {
    ipcMain.removeHandler(requestIpcChannel)
    stopForwarding()
  }
}

/** Whether an IPC event comes from a frame we trust: the main frame of an app:// page. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  return frame.parent === null && isAppUrl(frame.url)
}

export async function answer(
  services: KioskServices,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  channel: unknown,
  args: unknown,
  token: unknown,
): Promise<DispatchOutcome> {
  if (!isTrustedSender(event)) {
    return {
      ok: false,
      error: { code: 'forbidden', message: 'Request from an untrusted frame refused' },
    }
  }
  return services.dispatch(typeof channel === 'string' ? channel : '', args, {
    staffSessionToken: typeof token === 'string' ? token : undefined,
  })
}
