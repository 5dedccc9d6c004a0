// The worker host: three draws into the transferred canvas here, off the page's main thread.
import { startProbeScene } from './probeScene.mjs'

let readCounts
self.onmessage = ({ data }) => {
  if (data.canvas)
    readCounts = startProbeScene(data.canvas, data.size, (draw) => self.requestAnimationFrame(draw))
  if (data.read) self.postMessage(readCounts())
}
