/** The admin screen's sections, in tab order; each tab's label is `staff.admin.<id>` in messages.ts. */
export const adminSections = [
  'mode',
  'settings',
  'packs',
  'analytics',
  'printer',
  'diagnostics',
] as const

export type AdminSectionId = (typeof adminSections)[number]
