import { protocol } from 'electron'
import { appScheme, packScheme } from './appSchemes'

/** Declares `app:` and `pack:` as standard, secure schemes; must run before `app.ready`. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    {
      scheme: packScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ])
}
