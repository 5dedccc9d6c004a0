import * as z from 'zod'
import type { ChannelSpecs, EventSpecs } from '../channel'
import {
  settingsPatchSchema,
  type Settings,
  type SettingsPatch,
  type SettingsProblem,
} from '../../settings/settingsSchema'

/** The settings in force and whatever was wrong with the file they were read from. */
export interface SettingsSnapshot {
  readonly settings: Settings
  readonly problems: readonly SettingsProblem[]
}

export interface SettingsRequests {
  'settings:get': { args: undefined; result: SettingsSnapshot }
  'settings:update': { args: SettingsPatch; result: SettingsSnapshot }
}

export const settingsChannels = {
  'settings:get': { args: z.undefined(), access: 'visitor' },
  'settings:update': { args: settingsPatchSchema, access: 'staff' },
} as const satisfies ChannelSpecs<SettingsRequests>

export interface SettingsEvents {
  'settings:changed': SettingsSnapshot
}
export const settingsEvents = {
  'settings:changed': true,
} as const satisfies EventSpecs<SettingsEvents>
