import { defineStore } from 'pinia'
import { ref } from 'vue'
import { useModeStore } from './useModeStore'

/** The screens of kiosk.md's testability contract (`data-screen`). */
export type ScreenName = 'attract' | 'menu' | 'exhibit' | 'closed' | 'staff-pin' | 'admin'

/** The screens a visit happens on; the idle countdown runs only there. */
export const visitorScreens: readonly ScreenName[] = ['attract', 'menu', 'exhibit']

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

  /**
   * Where an idle reset lands. In open mode that is the attract loop; the modes extend this one
   * function (single-exhibit: that exhibit's start; closed: the closed screen). Leaving the
   * exhibit screen unmounts the exhibit, which stops its audio and disposes its scene.
   */
  function returnToStart(): void {
    // The mode (open, single-exhibit, closed) decides where a visit starts.
    const { mode, singleExhibit } = useModeStore()
    if (mode === 'closed') showOnly('closed')
    else if (mode === 'single-exhibit' && singleExhibit !== undefined) openExhibit(singleExhibit)
    else showAttract()
  }

  /** A screen without an exhibit: the closed screen, or a staff screen (PIN pad, admin). */
  function showOnly(name: 'closed' | 'staff-pin' | 'admin'): void {
    screen.value = name
    exhibitId.value = undefined
  }

  return { screen, exhibitId, showAttract, showMenu, openExhibit, returnToStart, showOnly }
})
