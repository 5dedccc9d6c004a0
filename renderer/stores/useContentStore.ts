import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { KioskContent } from '../../src/contract/areas/content'
import { kioskApi, packMediaUrl } from '../bridge/kioskBridge'

/** The exhibits of all active packs, reloaded when the services announce `packs:changed`. */
export const useContentStore = defineStore('content', () => {
  const content = shallowRef<KioskContent | undefined>()
  const loadError = shallowRef<string | undefined>()
  const isLoading = shallowRef(false)
  /** Subscribed once for the page's life (the store lives as long). */
  let isFollowing = false

  async function load(): Promise<void> {
    isLoading.value = true
    try {
      content.value = await kioskApi().invoke('content:get')
      loadError.value = undefined
    } catch (error) {
      loadError.value = (error as Error).message
    } finally {
      isLoading.value = false
    }
  }

  /** Loads once and follows pack changes from then on. */
  async function start(): Promise<void> {
    if (!isFollowing) kioskApi().on('packs:changed', () => void load())
    isFollowing = true
    await load()
  }

  const exhibits = computed(() => content.value?.exhibits ?? [])
  const languages = computed(() => content.value?.languages ?? ['zh-CN', 'en'])

  function findExhibit(exhibitId: string) {
    return exhibits.value.find((entry) => entry.exhibit.id === exhibitId)
  }

  /** The URL of a file inside an active pack (the shell decides its scheme). */
  function mediaUrl(packId: string, relativePath: string): string {
    return packMediaUrl(packId, relativePath)
  }

  return { content, loadError, isLoading, exhibits, languages, load, start, findExhibit, mediaUrl }
})
