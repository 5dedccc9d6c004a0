import { watch, type FSWatcher } from 'node:fs'
import path from 'node:path'

/**
 * Watches the data-folder files a first-screen cache was answered from (the settings file and
 * the pack store's state, `firstScreenSourceFiles`) while the services are not yet watching them,
 * so a page sent from the cache asks a flag instead of two `stat`s on its hot path.
 *
 * Both files are replaced by an atomic rename, which a watch on their folders reports. The flag
 * may stand in for the `stat`s only where a change's report reaches the process before a request
 * sent after that change: on Linux inotify queues it within the rename, and the event loop takes
 * ready descriptors in the order they became ready. Elsewhere (FSEvents and
 * ReadDirectoryChangesW report later), or when a watch cannot be set or fails, `isReliable` is
 * false and the caller checks the files on disk for each page, as before.
 */
export class FirstScreenSourceWatch {
  #watchers: FSWatcher[] = []
  #hasChanged = false
  #isReliable: boolean

  private constructor(isReliable: boolean) {
    this.#isReliable = isReliable
  }

  /**
   * Starts watching `dataDir` (for `settings.json` and the `packs` folder) and `dataDir/packs`
   * (for `state.json`). Start it before the cache's freshness is first checked: a change before
   * the watch is then seen by that check, one after it by the watch.
   */
  static start(
    dataDir: string,
    platform: NodeJS.Platform = process.platform,
  ): FirstScreenSourceWatch {
    const sourceWatch = new FirstScreenSourceWatch(platform === 'linux')
    if (!sourceWatch.#isReliable) return sourceWatch
    sourceWatch.#watchFolder(dataDir, new Set(['settings.json', 'packs']), true)
    sourceWatch.#watchFolder(path.join(dataDir, 'packs'), new Set(['state.json']), false)
    return sourceWatch
  }

  /** Whether the flag can be trusted in place of checking the files on disk. */
  get isReliable(): boolean {
    return this.#isReliable
  }

  /** Whether a source file may have changed since the watch began (then the cache is stale). */
  get hasChanged(): boolean {
    return this.#hasChanged
  }

  /**
   * Whether a cache found fresh on disk when the watch had begun still answers now: from the
   * watch while it is reliable (no file read), else from `isFreshOnDisk` (the two `stat`s).
   * `isBeforeScheduleChange` says whether the hours have not reached their next change.
   */
  async isCacheStillFresh(
    isFreshOnDisk: () => Promise<boolean>,
    isBeforeScheduleChange: () => boolean,
  ): Promise<boolean> {
    if (!this.#isReliable) return isFreshOnDisk()
    return !this.#hasChanged && isBeforeScheduleChange()
  }

  /** Stops watching (once the services watch the files themselves, or at close). */
  dispose(): void {
    for (const watcher of this.#watchers.splice(0)) watcher.close()
    this.#isReliable = false
  }

  #watchFolder(folder: string, names: ReadonlySet<string>, isRequired: boolean): void {
    let watcher: FSWatcher
    try {
      watcher = watch(folder, { persistent: false }, (_event, fileName) => {
        // A report without a name may be about any file in the folder.
        if (fileName === null || names.has(String(fileName))) this.#hasChanged = true
      })
    } catch {
      // No packs folder yet: the cache's key then holds no pack state, and the folder's creation
      // is reported by the data folder's watch ('packs'). Without a data folder, trust no flag.
      if (isRequired) this.#isReliable = false
      return
    }
    watcher.on('error', () => {
      this.#isReliable = false
    })
    this.#watchers.push(watcher)
  }
}
