import type { Problem } from '../../src/contract/requestError'
import { notSignedByTrustedKey } from '../services/packs/stagePack'

/**
 * What to type next, for the problems a terminal user can fix with another `songyun` command.
 * The services word their problems for every surface (the touchscreen has no flags); only here,
 * in a terminal, are the commands named.
 */
export function hintsForProblems(
  problems: readonly Problem[],
  subject: { readonly sourcePath: string; readonly isFolder: boolean },
): string[] {
  const hints = new Set<string>()
  for (const problem of problems) {
    if (!problem.message.includes(notSignedByTrustedKey)) continue
    if (problem.message.startsWith('missing')) {
      hints.add(
        subject.isFolder
          ? `fix: a folder is unsigned until it is built; sign it with \`songyun pack build ${subject.sourcePath} -o PACK.songpack --key NAME.key\` and check PACK.songpack (or check only the content with --allow-unsigned)`
          : `fix: sign it with \`songyun pack sign ${subject.sourcePath} --key NAME.key\`, and trust NAME.pub on this kiosk (\`songyun pack trust NAME.pub\`); a test venue may install it unsigned with --allow-unsigned`,
      )
    } else {
      hints.add(
        `fix: trust the signer's public key on this kiosk (\`songyun pack trust NAME.pub\`), or sign it again with \`songyun pack sign ${subject.sourcePath} --key NAME.key\` if manifest.json was edited after signing`,
      )
    }
  }
  return [...hints]
}
