import { afterEach, describe, expect, it, vi } from 'vitest'
import { firstScreenDataElementId } from '../../../src/contract/firstScreenData'
import { RequestError } from '../../../src/contract/requestError'
import { createBrowserKioskApi } from '../../../renderer/bridge/browserKioskApi'
import { FirstScreenAnswers } from '../../../renderer/bridge/firstScreenAnswers'

/** A page as the browser shell's host sends it: the data element filled (main/web/firstScreenPage.ts). */
function pageWithFirstScreenData(data: unknown): void {
  document.body.innerHTML = `<div id="app"></div><script type="application/json" id="${firstScreenDataElementId}">${JSON.stringify(data)}</script>`
}

function answeringFetch(result: unknown) {
  return vi.fn(
    async () =>
      new Response(JSON.stringify({ ok: true, result }), {
        headers: { 'Content-Type': 'application/json' },
      }),
  )
}

describe('the browser bridge and the first screen’s data', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('answers the first screen’s requests from the page, once each, without a request', async () => {
    pageWithFirstScreenData({
      'content:get': { ok: true, result: { exhibits: ['from the page'] } },
      'settings:get': { ok: true, result: { settings: { defaultLanguage: 'en' } } },
    })
    const fetchMock = answeringFetch({ exhibits: ['from the services'] })
    vi.stubGlobal('fetch', fetchMock)
    const api = createBrowserKioskApi()

    expect(await api.invoke('content:get')).toEqual({ exhibits: ['from the page'] })
    expect(await api.invoke('settings:get')).toEqual({ settings: { defaultLanguage: 'en' } })
    expect(fetchMock).not.toHaveBeenCalled()
    // A later read (after content:changed) asks the services.
    expect(await api.invoke('content:get')).toEqual({ exhibits: ['from the services'] })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('throws the error the page carries, as a request would', async () => {
    pageWithFirstScreenData({
      'mode:get': {
        ok: false,
        error: { code: 'internal', message: "The kiosk's services could not start: disk" },
      },
    })
    vi.stubGlobal('fetch', answeringFetch(undefined))
    const api = createBrowserKioskApi()
    const failure = api.invoke('mode:get')
    await expect(failure).rejects.toBeInstanceOf(RequestError)
    await expect(failure).rejects.toThrow(/could not start: disk/)
  })

  it('asks the services when the placeholder is empty (the Electron shell, vite dev)', async () => {
    document.body.innerHTML = `<script type="application/json" id="${firstScreenDataElementId}"></script>`
    const fetchMock = answeringFetch({ exhibits: [] })
    vi.stubGlobal('fetch', fetchMock)
    expect(await createBrowserKioskApi().invoke('content:get')).toEqual({ exhibits: [] })
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  // The host applied the page's start report as it sent the page (main/web/firstScreenPage.ts).
  it('answers the start’s not-busy visit report from the page once; a busy report is sent', async () => {
    pageWithFirstScreenData({ 'mode:report-visit': { ok: true } })
    const fetchMock = answeringFetch(undefined)
    vi.stubGlobal('fetch', fetchMock)
    const api = createBrowserKioskApi()

    await api.invoke('mode:report-visit', { isVisitInProgress: false })
    expect(fetchMock).not.toHaveBeenCalled()
    await api.invoke('mode:report-visit', { isVisitInProgress: true })
    await api.invoke('mode:report-visit', { isVisitInProgress: false })
    expect(fetchMock.mock.calls.map((call) => String((call as unknown[])[0]))).toEqual([
      '/api/request/mode%3Areport-visit',
      '/api/request/mode%3Areport-visit',
    ])
  })

  it('never answers another channel from the page', async () => {
    pageWithFirstScreenData({ 'packs:list': { ok: true, result: ['stale'] } })
    const fetchMock = answeringFetch(['fresh'])
    vi.stubGlobal('fetch', fetchMock)
    expect(await createBrowserKioskApi().invoke('packs:list')).toEqual(['fresh'])
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })
})

/** A stand-in for the browser's EventSource: records each stream and lets a test send events. */
class FakeEventSource extends EventTarget {
  static opened: FakeEventSource[] = []
  constructor(readonly url: string) {
    super()
    FakeEventSource.opened.push(this)
  }
  send(event: string, payload: unknown): void {
    this.dispatchEvent(new MessageEvent(event, { data: JSON.stringify(payload) }))
  }
}

// The host may hold its services back until a loaded page asks for their events
// (main/web/servicesStartGate.ts), so the stream must not open while the page is still loading.
describe('the browser bridge’s event stream', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    FakeEventSource.opened = []
    Reflect.deleteProperty(document, 'readyState')
  })

  it('opens after the page’s load event, with the listeners registered before it', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    Object.defineProperty(document, 'readyState', { value: 'interactive', configurable: true })
    const api = createBrowserKioskApi('', new FirstScreenAnswers())
    const modes: unknown[] = []
    api.on('mode:changed', (state) => modes.push(state))
    expect(FakeEventSource.opened).toEqual([])

    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true })
    window.dispatchEvent(new Event('load'))
    expect(FakeEventSource.opened.map((source) => source.url)).toEqual(['/api/events'])
    const settingsChanges: unknown[] = []
    api.on('settings:changed', (settings) => settingsChanges.push(settings))
    FakeEventSource.opened[0]!.send('mode:changed', { mode: 'closed' })
    FakeEventSource.opened[0]!.send('settings:changed', { volume: 3 })
    expect(modes).toEqual([{ mode: 'closed' }])
    expect(settingsChanges).toEqual([{ volume: 3 }])
    expect(FakeEventSource.opened).toHaveLength(1)
  })

  it('opens at once on a page that has loaded', () => {
    vi.stubGlobal('EventSource', FakeEventSource)
    const api = createBrowserKioskApi('', new FirstScreenAnswers())
    api.on('mode:changed', () => undefined)
    expect(FakeEventSource.opened).toHaveLength(1)
  })
})
