import { Menu } from 'electron'

/** No menu bar and no menu accelerators (reload, devtools, zoom) that a keyboard could reach. */
export function removeApplicationMenu(): void {
  Menu.setApplicationMenu(null)
}
