/** A stable seed from a name, so each score gets its own noise but always the same noise. */
export function seedFromName(name: string): number {
  let hash = 2166136261
  for (const char of name) {
    hash ^= char.codePointAt(0) ?? 0
    hash = Math.imul(hash, 16777619)
  }
  return hash >>> 0
}
