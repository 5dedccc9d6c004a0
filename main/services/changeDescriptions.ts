import type { PackInstallResult, PackRollbackResult } from '../../src/contract/areas/packs'

/** How an install reads in the change log, the same from every surface. */
export function describeInstall(result: PackInstallResult, sourceName: string): string {
  return (
    `installed pack ${result.packId} ${result.version} from ${sourceName}` +
    (result.previousVersion ? ` (was ${result.previousVersion})` : '') +
    (result.isSigned ? '' : ', unsigned')
  )
}

/** How a rollback reads in the change log. */
export function describeRollback(packId: string, result: PackRollbackResult): string {
  return `rolled back pack ${packId} to ${result.version} (${result.replacedVersion} removed)`
}
