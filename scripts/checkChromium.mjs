// The first step of `npm test`: the end-to-end tests need a Chromium, and without one Playwright
// fails every test in milliseconds with no hint why. This says what to install, before the build.
import { findChromium, missingChromiumAdvice } from './chromium/findChromium.mjs'

const lookup = findChromium()
if (lookup.problem !== undefined) {
  process.stderr.write(`${missingChromiumAdvice(lookup.problem)}\n`)
  process.exit(1)
}
