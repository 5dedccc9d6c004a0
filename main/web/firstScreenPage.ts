import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  firstScreenChannels,
  firstScreenDataElementId,
  firstScreenDataPlaceholder,
  firstScreenDataScriptText,
  firstScreenVisitReport,
  type FirstScreenChannel,
  type FirstScreenData,
  type FirstScreenOutcome,
} from '../../src/contract/firstScreenData'
import type { KioskServices } from '../services/kioskServices'

/**
 * Sends index.html with the first screen's data in its placeholder (src/contract/firstScreenData.ts).
 * The page up to the placeholder goes out at once, so the browser paints the starting screen and
 * fetches the scripts, style sheet and preloaded fonts while the services finish starting; the
 * rest follows with the data. Module scripts run only after the whole page has arrived, so the
 * renderer always finds the data. `html` is the page's text (held in memory by the host,
 * main/web/firstScreenFiles.ts). Returns false when there is no page or it has no placeholder
 * (the caller then sends the file as it is). `cachedData`, while the services are still starting,
 * gives the last start's answers (main/web/firstScreenDataCache.ts): the whole page then goes out
 * at once and the start report is applied once the services are ready.
 */
export async function sendFirstScreenPage(
  request: IncomingMessage,
  response: ServerResponse,
  html: string | undefined,
  headers: Record<string, string>,
  services: Promise<KioskServices>,
  cachedData?: () => Promise<FirstScreenData | undefined>,
): Promise<boolean> {
  if (html === undefined) return false
  const at = html.indexOf(firstScreenDataPlaceholder)
  if (at === -1) return false
  response.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  })
  if (request.method === 'HEAD') {
    response.end()
    return true
  }
  response.write(html.slice(0, at))
  const cached = cachedData ? await cachedData() : undefined
  const data = cached ? withStartReportApplied(cached, services) : await firstScreenData(services)
  response.end(
    `<script type="application/json" id="${firstScreenDataElementId}">${firstScreenDataScriptText(data)}</script>` +
      html.slice(at + firstScreenDataPlaceholder.length),
  )
  return true
}

/**
 * Cached answers, with the page's start report applied when the services are ready (as it would
 * be sent at once) and answered as it is answered there: without a result.
 */
function withStartReportApplied(
  cached: FirstScreenData,
  services: Promise<KioskServices>,
): FirstScreenData {
  void services.then(
    (loaded) =>
      loaded.dispatch(firstScreenVisitReport.channel, firstScreenVisitReport.args, {
        staffSessionToken: undefined,
      }),
    () => undefined,
  )
  return { ...cached, [firstScreenVisitReport.channel]: { ok: true, result: undefined } }
}

/** The first-screen channels' answers, as a request for each would get them. */
export async function answerFirstScreenChannels(
  services: KioskServices,
): Promise<Partial<Record<FirstScreenChannel, FirstScreenOutcome>>> {
  const noSession = { staffSessionToken: undefined }
  const outcomes = await Promise.all(
    firstScreenChannels.map((channel) => services.dispatch(channel, undefined, noSession)),
  )
  return Object.fromEntries(firstScreenChannels.map((channel, i) => [channel, outcomes[i]]))
}

/**
 * The answers, exactly as the requests would get them (a services start that failed answers each
 * with its cause), and the page's start report applied (firstScreenVisitReport). Services whose
 * code could not load give no data: the renderer then asks, and gets the host's error.
 */
async function firstScreenData(services: Promise<KioskServices>): Promise<FirstScreenData> {
  const loaded = await services.catch(() => undefined)
  if (!loaded) return {}
  const [visitReport, answers] = await Promise.all([
    loaded.dispatch(firstScreenVisitReport.channel, firstScreenVisitReport.args, {
      staffSessionToken: undefined,
    }),
    answerFirstScreenChannels(loaded),
  ])
  return { ...answers, [firstScreenVisitReport.channel]: visitReport }
}
