import { app } from 'electron'
import type { Logger } from '../services/logger'
import type { RendererRecycler } from './recycleRendererInAttract'

/**
 * A GPU or utility process (audio, network, storage) that dies is logged with its reason. Chromium
 * starts a new one by itself; the page meanwhile may have lost its WebGL context (the scene host
 * rebuilds the scene) or its audio output, so a renderer recycle is asked for at the next attract
 * screen, where it interrupts nobody.
 */
export function recoverLostChildProcess(
  logger: Logger,
  recycler: Pick<RendererRecycler, 'requestRecycle'>,
): void {
  app.on('child-process-gone', (_event, details) => {
    const name = details.name ?? details.serviceName ?? details.type
    if (details.reason === 'clean-exit') {
      logger.info(`${details.type} process ${name} exited cleanly`)
      return
    }
    logger.error(
      `${details.type} process ${name} gone (${details.reason}, exit ${details.exitCode}); recovering`,
    )
    recycler.requestRecycle(`the ${details.type} process ${name} was lost`)
  })
}
