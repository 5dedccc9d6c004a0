import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The screens of kiosk.md's testability contract (`data-screen`). */
export type ScreenName = 'attract' | 'menu' | 'exhibit' | 'closed' | 'staff-pin' | 'admin'

/** Where the visitor is: which screen, and which exhibit is open. Ids only, never scene objects. */
export const useKioskStore = defineStore('kiosk', () => {
  const screen = ref<ScreenName>('attract')
  const exhibitId = ref<string | undefined>()

  function showAttract(): void {
    screen.value = 'attract'
    exhibitId.value = undefined
  }

  function showMenu(): void {
    screen.value = 'menu'
    exhibitId.value = undefined
  }

  function openExhibit(id: string): void {
    exhibitId.value = id
    screen.value = 'exhibit'
  }

  return { screen, exhibitId, showAttract, showMenu, openExhibit }
})
