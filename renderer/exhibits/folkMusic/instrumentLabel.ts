/**
 * The instrument's name as the chooser shows it: without a trailing gloss in brackets
 * ("Dizi (side-blown flute)" → "Dizi"), which the stage's heading shows in full. Keeps six
 * labels readable in a narrow column at the larger text size.
 */
export function chooserLabel(name: string): string {
  const short = name.replace(/\s*[（(][^（()）]*[)）]\s*$/u, '').trim()
  return short.length > 0 ? short : name
}
