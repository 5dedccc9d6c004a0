import { app } from 'electron'

/** One kiosk per machine: a second launch quits and brings the first window forward. Returns false in the second instance. */
export function disallowSecondInstance(focusExisting: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', focusExisting)
  return true
}
