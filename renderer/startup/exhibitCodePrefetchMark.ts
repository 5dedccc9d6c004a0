/**
 * The name of the `performance.mark` the menu sets when, once idle, it starts fetching the
 * offered exhibits' code (renderer/startup/exhibitWarmUps.ts). Scripts fetched before it are what
 * the attract screen and the menu themselves carry; bench visitor-journey tells the two apart.
 */
export const exhibitCodePrefetchMark = 'songyun:exhibit-code-prefetch'
