import * as z from 'zod'
import { isKnownTimeZone } from '../schedule/zonedTime'

/**
 * An IANA time zone name the platform knows (`Asia/Shanghai`, `Europe/Berlin`). A wrong one is
 * reported with the value, so an operator sees which name the kiosk did not know.
 */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, {
  error: (issue) => `"${String(issue.input)}" is not a known IANA time zone (e.g. "Asia/Shanghai")`,
})
