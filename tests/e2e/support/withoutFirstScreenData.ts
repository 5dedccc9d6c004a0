import type { Page } from '@playwright/test'
import { firstScreenDataElementId } from '../../../src/contract/firstScreenData'

/**
 * Serves the page with its first-screen data taken out (main/web/firstScreenPage.ts), so the
 * renderer asks for settings, mode and content over HTTP, where a test can hold back or change
 * the answer with `page.route`.
 */
export async function withoutFirstScreenData(page: Page): Promise<void> {
  const filled = new RegExp(
    `(<script type="application/json" id="${firstScreenDataElementId}">)[\\s\\S]*?(</script>)`,
  )
  await page.route(
    (url) => url.pathname === '/' || url.pathname === '/index.html',
    async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, body: (await response.text()).replace(filled, '$1$2') })
    },
  )
}
