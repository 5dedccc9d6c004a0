import { createI18n } from 'vue-i18n'
import { messages, type MessageSchema } from './messages'

/** The app's vue-i18n instance (composition mode). */
export const i18n = createI18n<[MessageSchema], 'zh-CN' | 'en', false>({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'en',
  messages: messages as unknown as Record<'zh-CN' | 'en', MessageSchema>,
  missingWarn: false,
  fallbackWarn: false,
})
