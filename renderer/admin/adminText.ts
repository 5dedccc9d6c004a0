/** A staff-facing label: Chinese first, English beneath (staff screens show both at once). */
export interface BilingualLabel {
  readonly zh: string
  readonly en: string
}

/** The admin screen's sections, in tab order. */
export const adminSections = [
  { id: 'mode', label: { zh: '模式', en: 'Mode' } },
  { id: 'settings', label: { zh: '设置', en: 'Settings' } },
  { id: 'packs', label: { zh: '内容包', en: 'Packs' } },
  { id: 'analytics', label: { zh: '统计', en: 'Analytics' } },
  { id: 'diagnostics', label: { zh: '诊断', en: 'Diagnostics' } },
] as const satisfies readonly { id: string; label: BilingualLabel }[]

export type AdminSectionId = (typeof adminSections)[number]['id']
