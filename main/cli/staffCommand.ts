import { mkdir } from 'node:fs/promises'
import type { Command } from 'commander'
import { newStaffPinSchema } from '../../src/contract/areas/staff'
import { systemClock } from '../../src/time/clock'
import { resolveDataDir } from '../services/dataDir'
import { createConsoleLogger } from '../services/logger'
import { StaffAccessService } from '../services/staff/staffAccessService'
import { exitCodes } from './cliOptions'

/** Reads one line from the terminal without echoing it (a PIN must not stay on screen). */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin
  process.stderr.write(prompt)
  input.setRawMode(true)
  input.resume()
  input.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let typed = ''
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === '\r' || character === '\n') {
          finish()
          resolve(typed)
          return
        }
        if (character === '\u0003') {
          finish()
          reject(new Error('cancelled'))
          return
        }
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1)
        else typed += character
      }
    }
    const finish = () => {
      input.off('data', onData)
      input.setRawMode(false)
      input.pause()
      process.stderr.write('\n')
    }
    input.on('data', onData)
  })
}

/** Reads the first line of a piped stdin. */
async function readFirstLineOfStdin(): Promise<string> {
  let text = ''
  for await (const chunk of process.stdin) {
    text += String(chunk)
    if (text.includes('\n')) break
  }
  return text.split(/\r?\n/)[0] ?? ''
}

/** `songyun staff set-pin`: sets the staff PIN (asked twice on a terminal, else read from stdin). */
export function registerStaffCommand(program: Command): void {
  const staff = program.command('staff').description('staff access on this kiosk')
  staff
    .command('set-pin')
    .description('set the staff PIN (6–12 digits); also lifts a lockout after wrong PINs')
    .option('--data-dir <dir>', 'data folder (else SONGYUN_DATA_DIR, else the app-data folder)')
    .action(async (options: { dataDir?: string }) => {
      const dataDir = resolveDataDir(options.dataDir)
      let pin: string
      if (process.stdin.isTTY) {
        pin = await askHidden('New staff PIN (6–12 digits): ')
        const again = await askHidden('The same PIN again: ')
        if (again !== pin) {
          process.stderr.write('songyun: the two PINs differ; nothing was changed\n')
          process.exitCode = exitCodes.usage
          return
        }
      } else {
        pin = (await readFirstLineOfStdin()).trim()
      }
      const parsed = newStaffPinSchema.safeParse(pin)
      if (!parsed.success) {
        process.stderr.write(
          `songyun: ${parsed.error.issues[0]?.message ?? 'not a valid PIN'}; nothing was changed\n`,
        )
        process.exitCode = exitCodes.usage
        return
      }
      await mkdir(dataDir, { recursive: true })
      // Log lines go to stderr only; the CLI keeps no log file.
      const service = new StaffAccessService(dataDir, systemClock, undefined, createConsoleLogger())
      await service.setPin(parsed.data)
      process.stdout.write(`The staff PIN is set for ${dataDir}\n`)
    })
}
