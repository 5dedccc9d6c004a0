// The `songyun` command of a checkout (bin/songyun.mjs runs the bundle of this file); an installed
// kiosk answers the same commands through its Electron entry (main/electron/electronMain.ts).
import { runCli } from './songyunProgram'

await runCli(process.argv)
