import { defineStore } from 'pinia'
import { inject, ref, shallowRef } from 'vue'
import type { EventMap, InvokeArgs, RequestChannel, ResultOf } from '../../src/contract/contract'
import type { StaffStatus, StaffUnlockResult } from '../../src/contract/areas/staff'
import { RequestError } from '../../src/contract/requestError'
import { kioskApi } from '../bridge/kioskBridge'
import { requirePort, staffScreenPortsKey } from './kioskPorts'

/** What the PIN pad is asking for. */
export type PinStage = 'enter' | 'new' | 'confirm'

/** Why the PIN pad shows a message. */
export type PinNotice =
  | 'wrong'
  | 'locked'
  | 'mismatch'
  | 'too-short'
  | 'failed'
  /** This shell may not set the first PIN (a browser host without --allow-first-pin). */
  | 'first-pin-elsewhere'
  | undefined

/**
 * Staff activity is reported at most this often (or a quarter of the session's idle limit, if
 * shorter), to keep the session alive without chatter.
 */
const longestKeepAliveIntervalMs = 30_000

/**
 * Staff access on the renderer side: the PIN pad's flow (first PIN asked twice, then unlocking),
 * the session token (in memory only, gone on reload) and staff requests made with it. The
 * services decide everything; this store only follows what they answer.
 */
export const useStaffStore = defineStore('staff', () => {
  const screens = requirePort(inject(staffScreenPortsKey, undefined), 'staffScreenPorts')
  const status = shallowRef<StaffStatus | undefined>()
  const stage = ref<PinStage>('enter')
  const notice = ref<PinNotice>()
  const remainingAttempts = ref<number | undefined>()
  const isBusy = ref(false)
  let sessionToken: string | undefined
  let firstNewPin: string | undefined
  let lastKeepAliveMs = 0
  /** The last touch on a staff screen (or the unlock), by the page's clock. */
  let lastTouchMs = 0
  let keepAliveIntervalMs = longestKeepAliveIntervalMs
  /** Subscribed once for the page's life (the store lives as long). */
  let isFollowing = false

  /** The hidden gesture finished: show the PIN pad, asking for a new PIN on a fresh kiosk. */
  async function openPinPad(): Promise<void> {
    notice.value = undefined
    firstNewPin = undefined
    screens.showStaffScreen('staff-pin')
    await refreshStatus()
    stage.value = status.value?.hasPin === false ? 'new' : 'enter'
    if (status.value?.lockedUntilMs !== undefined) notice.value = 'locked'
  }

  async function refreshStatus(): Promise<void> {
    try {
      status.value = await kioskApi().invoke('staff:status')
      remainingAttempts.value = status.value.remainingAttempts
    } catch (error) {
      notice.value = 'failed'
      console.warn(`staff: no status from the services: ${(error as Error).message}`)
    }
  }

  /** One PIN submitted from the pad, whatever the stage. */
  async function submitPin(pin: string): Promise<void> {
    if (isBusy.value) return
    // A PIN being set needs 6 digits (the services refuse fewer); an older 4-digit PIN still unlocks.
    if (pin.length < (stage.value === 'enter' ? 4 : 6)) {
      notice.value = 'too-short'
      return
    }
    if (stage.value === 'new') {
      firstNewPin = pin
      stage.value = 'confirm'
      notice.value = undefined
      return
    }
    isBusy.value = true
    try {
      if (stage.value === 'confirm') {
        if (pin !== firstNewPin) {
          firstNewPin = undefined
          stage.value = 'new'
          notice.value = 'mismatch'
          return
        }
        onUnlockResult(await kioskApi().invoke('staff:create-pin', { pin }))
      } else {
        onUnlockResult(await kioskApi().invoke('staff:unlock', { pin }))
      }
    } catch (error) {
      // A PIN created meanwhile from the terminal: ask for it instead.
      if (error instanceof RequestError && error.code === 'conflict') stage.value = 'enter'
      const isRefusedHere =
        error instanceof RequestError && error.code === 'forbidden' && stage.value === 'confirm'
      if (isRefusedHere) stage.value = 'new'
      notice.value = isRefusedHere ? 'first-pin-elsewhere' : 'failed'
      console.warn(`staff: ${(error as Error).message}`)
    } finally {
      isBusy.value = false
    }
  }

  function onUnlockResult(result: StaffUnlockResult): void {
    if (result.outcome === 'unlocked') {
      sessionToken = result.sessionToken
      lastKeepAliveMs = Date.now()
      lastTouchMs = lastKeepAliveMs
      keepAliveIntervalMs = Math.min(longestKeepAliveIntervalMs, result.idleTimeoutMs / 4)
      notice.value = undefined
      if (!isFollowing) kioskApi().on('staff:session-ended', () => void checkSession())
      isFollowing = true
      screens.showStaffScreen('admin')
      return
    }
    status.value = result.status
    remainingAttempts.value = result.status.remainingAttempts
    notice.value = result.outcome === 'locked' ? 'locked' : 'wrong'
  }

  /** A request made with the staff session; an ended session closes the admin screen. */
  async function invoke<C extends RequestChannel>(
    channel: C,
    ...args: InvokeArgs<C>
  ): Promise<ResultOf<C>> {
    if (sessionToken === undefined) {
      leave()
      throw new RequestError('forbidden', 'The staff session has ended')
    }
    try {
      const result = await kioskApi().invokeAsStaff(sessionToken, channel, ...args)
      lastKeepAliveMs = Date.now()
      return result
    } catch (error) {
      if (error instanceof RequestError && error.code === 'forbidden') leave()
      throw error
    }
  }

  /**
   * A staff request made by a timer rather than a touch (a status line refreshing itself). The
   * services count every staff request as activity, so a poll would keep an unattended admin
   * screen open for ever; it is made only while staff touched within the keep-alive interval (when
   * a keep-alive would have gone anyway), and otherwise skipped, resolving to `undefined`.
   */
  async function invokeWhileAttended<C extends RequestChannel>(
    channel: C,
    ...args: InvokeArgs<C>
  ): Promise<ResultOf<C> | undefined> {
    if (sessionToken === undefined || Date.now() - lastTouchMs >= keepAliveIntervalMs)
      return undefined
    return invoke(channel, ...args)
  }

  /** A touch on a staff screen: keeps the session alive, at most every 30 s. */
  function noteActivity(): void {
    lastTouchMs = Date.now()
    if (sessionToken === undefined || Date.now() - lastKeepAliveMs < keepAliveIntervalMs) return
    lastKeepAliveMs = Date.now()
    void invoke('staff:keep-alive').catch(() => undefined)
  }

  /** Some session ended: if it was ours, the admin screen closes. */
  async function checkSession(): Promise<void> {
    if (sessionToken === undefined) return
    await invoke('staff:keep-alive').catch(() => undefined)
  }

  /** Ends the session (the "exit" control) and returns to the visitor start. */
  async function exit(): Promise<void> {
    const token = sessionToken
    leave()
    if (token !== undefined) {
      await kioskApi()
        .invokeAsStaff(token, 'staff:lock')
        .catch(() => undefined)
    }
  }

  /**
   * Leaves the staff screens without a session (cancel on the PIN pad, or a session ended). The
   * next visitor starts in the default language, whatever staff switched to.
   */
  function leave(): void {
    sessionToken = undefined
    firstNewPin = undefined
    notice.value = undefined
    if (screens.isOnStaffScreen()) screens.leaveStaffScreens()
  }

  /** Follows the progress of pack installs (`packs:progress`); returns the function that stops. */
  function followPackProgress(
    listener: (progress: EventMap['packs:progress']) => void,
  ): () => void {
    return kioskApi().on('packs:progress', listener)
  }

  return {
    followPackProgress,
    status,
    stage,
    notice,
    remainingAttempts,
    isBusy,
    openPinPad,
    submitPin,
    invoke,
    invokeWhileAttended,
    noteActivity,
    exit,
    leave,
  }
})
