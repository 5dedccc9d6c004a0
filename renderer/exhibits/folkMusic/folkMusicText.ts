import type { LocalizedText } from '../../../src/i18n/localizedText'

/**
 * The stage's own words (pack content brings the instruments and recordings). Kept beside the
 * stage, in both languages, so the app's shared message file stays small.
 */
export const folkMusicText = {
  instruments: { 'zh-CN': '乐器', en: 'Instruments' },
  listen: { 'zh-CN': '聆听', en: 'Listen' },
  playAlong: { 'zh-CN': '合奏', en: 'Play along' },
  openCard: { 'zh-CN': '知识卡片', en: 'About this instrument' },
  play: { 'zh-CN': '播放', en: 'Play' },
  pause: { 'zh-CN': '暂停', en: 'Pause' },
  next: { 'zh-CN': '下一首', en: 'Next' },
  seek: { 'zh-CN': '播放进度', en: 'Position in the recording' },
  loading: { 'zh-CN': '正在载入…', en: 'Loading…' },
  noTracks: {
    'zh-CN': '这件乐器暂无录音，可在“合奏”中试奏。',
    en: 'No recordings of this instrument yet: try it in Play along.',
  },
  performer: { 'zh-CN': '演奏', en: 'Performed by' },
  description: { 'zh-CN': '听觉描述', en: 'Described version' },
  credits: { 'zh-CN': '出处', en: 'Credits' },
  droneOn: { 'zh-CN': '持续音：开', en: 'Drone: on' },
  droneOff: { 'zh-CN': '持续音：关', en: 'Drone: off' },
  band: { 'zh-CN': '乐队', en: 'The band' },
  ensemble: { 'zh-CN': '合奏', en: 'Ensemble' },
  playEnsemble: { 'zh-CN': '奏起合奏', en: 'Play the ensemble' },
  pauseEnsemble: { 'zh-CN': '暂停合奏', en: 'Pause the ensemble' },
  stemHint: {
    'zh-CN': '轻触乐器，让它加入或退出。',
    en: 'Tap an instrument to bring it in or out.',
  },
  padsOf: { 'zh-CN': '跟着弹', en: 'Play along' },
  changePadInstrument: { 'zh-CN': '换乐器', en: 'Change instrument' },
  recordings: { 'zh-CN': '独奏录音', en: 'Solo recordings' },
  audioError: {
    'zh-CN': '这段录音暂时无法播放，请选择其他录音。',
    en: 'This recording cannot be played right now. Please choose another.',
  },
} as const satisfies Record<string, LocalizedText>
