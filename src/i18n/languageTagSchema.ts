import * as z from 'zod'

/** A BCP-47 language tag such as `zh-CN` or `en`. */
export const languageTagSchema = z
  .string()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP-47 language tag such as "zh-CN"')
