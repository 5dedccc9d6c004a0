/** The icons of the control bar (components/ControlIcon.vue). */
export type ControlIconName =
  'home' | 'cards' | 'text-size' | 'captions' | 'motion' | 'pinyin' | 'language'
