/** Where the Chromium that was found came from. */
export type ChromiumOrigin = 'CHROMIUM_PATH' | 'debian' | 'playwright'

export type ChromiumLookup =
  | {
      readonly executablePath: string
      readonly origin: ChromiumOrigin
      readonly problem?: undefined
    }
  | { readonly problem: string; readonly executablePath?: undefined; readonly origin?: undefined }

export interface FindChromiumOptions {
  readonly env?: Readonly<Record<string, string | undefined>>
  readonly exists?: (path: string) => boolean
  /** Where Playwright's downloaded Chromium would be (undefined when Playwright is absent). */
  readonly playwrightChromiumPath?: () => string | undefined
}

/** Debian's Chromium (`apt-get install chromium`), what CI installs. */
export declare const debianChromiumPath: string

/**
 * Finds a Chromium: `CHROMIUM_PATH` when set (a path that does not exist is a problem, not a
 * reason to look elsewhere), else Debian's, else Playwright's own download.
 */
export declare function findChromium(options?: FindChromiumOptions): ChromiumLookup

/** What to tell someone whose machine has no Chromium for the tests: the problem, then how to get one. */
export declare function missingChromiumAdvice(problem: string): string
