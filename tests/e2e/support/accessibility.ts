import { fileURLToPath } from 'node:url'
import type { Page } from '@playwright/test'

const axePath = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url))

/**
 * Loads axe-core into every page of the test. The kiosk's CSP forbids injected script tags, so
 * it comes in as an init script (through the DevTools protocol, outside the page's CSP).
 */
export async function installAxe(page: Page): Promise<void> {
  await page.addInitScript({ path: axePath })
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/**
 * Serious and critical axe-core violations inside `contextSelector` (default: the whole page),
 * checked once every running CSS animation has finished: a panel still fading in has lower
 * contrast than the panel the visitor reads.
 */
export async function seriousAxeViolations(
  page: Page,
  contextSelector?: string,
): Promise<string[]> {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => {
      const timing = animation.effect?.getComputedTiming()
      return animation.playState !== 'running' || timing?.endTime === Infinity
    }),
  )
  const violations = await page.evaluate(async (selector) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Element | Document) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    const context = selector ? document.querySelector(selector) : document
    if (!context) throw new Error(`axe: nothing matches ${selector}`)
    return (await axe.run(context)).violations
  }, contextSelector)
  return (violations as AxeViolation[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    )
}
