import { InvalidArgumentError } from 'commander'

/** Parses a TCP port option, naming the option at fault. */
export function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError(`"${value}" is not a port number (0–65535)`)
  }
  return port
}

/** The exit codes of docs/content-pack-format.md: 0 done, 1 rejected or broken, 2 the command line is wrong. */
export const exitCodes = { done: 0, rejected: 1, usage: 2 } as const
