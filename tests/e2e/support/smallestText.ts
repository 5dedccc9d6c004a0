import type { Page } from '@playwright/test'

/** The smallest text a visitor sees inside `selectors`: its size in CSS px and what it says. */
export interface SmallestText {
  readonly fontSizePx: number
  readonly text: string
}

/**
 * The smallest font among the visible elements inside `selectors` that hold text of their own
 * (a text node with more than white space), so a test can hold a screen to a minimum size.
 */
export async function smallestVisibleText(
  page: Page,
  selectors: readonly string[],
): Promise<SmallestText> {
  return page.evaluate((roots) => {
    let smallest = { fontSizePx: Infinity, text: '' }
    for (const root of roots.flatMap((selector) => [...document.querySelectorAll(selector)])) {
      for (const element of [root, ...root.querySelectorAll('*')]) {
        const ownText = [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent ?? '')
          .join('')
          .trim()
        if (!ownText || element.getClientRects().length === 0) continue
        const style = getComputedStyle(element)
        if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue
        const fontSizePx = parseFloat(style.fontSize)
        if (fontSizePx < smallest.fontSizePx) smallest = { fontSizePx, text: ownText }
      }
    }
    return smallest
  }, selectors)
}
