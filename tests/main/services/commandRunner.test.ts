import { describe, expect, it } from 'vitest'
import { CommandTimeoutError, runCommandWithExecFile } from '../../../main/services/commandRunner'

const node = process.execPath

describe('runCommandWithExecFile', () => {
  it('resolves with stdout decoded as UTF-8', async () => {
    const stdout = await runCommandWithExecFile(
      node,
      ['-e', 'process.stdout.write(Buffer.from("宋韵 E:", "utf8"))'],
      30_000,
    )
    expect(stdout).toBe('宋韵 E:')
  })

  it('closes stdin, so a program that reads it to the end still finishes', async () => {
    const stdout = await runCommandWithExecFile(
      node,
      ['-e', 'process.stdin.resume(); process.stdin.on("end", () => process.stdout.write("done"))'],
      30_000,
    )
    expect(stdout).toBe('done')
  })

  it('rejects with code ENOENT when the program is missing', async () => {
    await expect(
      runCommandWithExecFile('songyun-no-such-program', [], 30_000),
    ).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('rejects naming the exit code and what the program wrote to stderr', async () => {
    await expect(
      runCommandWithExecFile(
        node,
        ['-e', 'process.stderr.write("Invalid class"); process.exit(3)'],
        30_000,
      ),
    ).rejects.toThrow(/failed with exit code 3: Invalid class/)
  })

  it('stops a program that never ends and rejects with a CommandTimeoutError', async () => {
    // The program never exits on its own, so only the time limit can end it.
    const neverEnds = runCommandWithExecFile(node, ['-e', 'setInterval(() => {}, 1000)'], 1)
    await expect(neverEnds).rejects.toBeInstanceOf(CommandTimeoutError)
    await expect(neverEnds).rejects.toMatchObject({ timeoutMs: 1 })
  })
})
