// How a primary action looks, as the e2e tests compare it between the exhibits.
import type { Page } from '@playwright/test'

/** The computed colours and edge that make a button read as the screen's way on. */
export interface PrimaryActionLook {
  background: string
  color: string
  border: string
  borderRadius: string
}

/** The look of the first element matching `selector`, as the browser computed it. */
export function primaryActionLook(page: Page, selector: string): Promise<PrimaryActionLook> {
  return page
    .locator(selector)
    .first()
    .evaluate((element) => {
      const style = getComputedStyle(element)
      return {
        background: style.backgroundColor,
        color: style.color,
        border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
        borderRadius: style.borderTopLeftRadius,
      }
    })
}

/**
 * The look the app's shared `.primary-action` style gives a button with nothing else on it
 * (renderer/styles/primaryAction.css): the reference every exhibit's way on must match.
 */
export async function sharedPrimaryLook(page: Page): Promise<PrimaryActionLook> {
  await page.evaluate(() => {
    const probe = document.createElement('button')
    probe.className = 'primary-action'
    probe.dataset.primaryActionProbe = ''
    probe.textContent = 'probe'
    document.body.append(probe)
  })
  const look = await primaryActionLook(page, '[data-primary-action-probe]')
  await page.evaluate(() => document.querySelector('[data-primary-action-probe]')?.remove())
  return look
}
