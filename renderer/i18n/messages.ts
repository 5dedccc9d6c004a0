/** The app's own words (pack content brings its own). zh-CN and en are complete; other languages fall back to en. */
export const messages = {
  'zh-CN': {
    app: { name: '宋韵展台', subtitle: '南宋临安 · 雕版 · 点茶 · 民乐' },
    attract: { touchToBegin: '轻触开始', touchToBeginOther: 'Touch to begin' },
    menu: { heading: '请选择展项', home: '返回首页' },
    exhibit: {
      home: '返回',
      comingSoon: '此展项的互动场景即将推出',
      comingSoonDetail: '展项的图文与知识卡片已在内容包中，互动部分正在制作。',
      stations: '步骤',
    },
    language: { switchTo: '切换语言' },
    loading: '请稍候…',
    error: { contentUnavailable: '展览内容暂时无法载入，请联系工作人员。' },
  },
  en: {
    app: { name: 'Songyun', subtitle: 'Southern Song Lin’an · Printing · Tea · Music' },
    attract: { touchToBegin: 'Touch to begin', touchToBeginOther: '轻触开始' },
    menu: { heading: 'Choose an exhibit', home: 'Home' },
    exhibit: {
      home: 'Back',
      comingSoon: 'The interactive part of this exhibit is coming soon',
      comingSoonDetail: 'Its texts and knowledge cards are in the content pack; the hands-on scene is being made.',
      stations: 'Steps',
    },
    language: { switchTo: 'Switch language' },
    loading: 'Please wait…',
    error: { contentUnavailable: 'The exhibition content cannot be loaded right now. Please ask a member of staff.' },
  },
} as const

export type MessageSchema = (typeof messages)['en']
