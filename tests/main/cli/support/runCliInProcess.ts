import { vi } from 'vitest'
import { runCli } from '../../../../main/cli/songyunProgram'

/** What one in-process run of the CLI did. */
export interface InProcessRun {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the real `songyun` program in this process (the words after `songyun`), capturing what it
 * writes. Much lighter than a child process on a loaded machine; `runSongyun` covers the real
 * process start where that matters.
 */
export async function runCliInProcess(
  words: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<InProcessRun> {
  let stdout = ''
  let stderr = ''
  const outSpy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    stdout += String(chunk)
    return true
  })
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    stderr += String(chunk)
    return true
  })
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]))
  Object.assign(process.env, env)
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k]
  try {
    const exitCode = await runCli(['node', 'songyun', ...words])
    return { exitCode, stdout, stderr }
  } finally {
    outSpy.mockRestore()
    errSpy.mockRestore()
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
    // The CLI sets the exit code of the process it runs in; this process is the test runner.
    process.exitCode = 0
  }
}
