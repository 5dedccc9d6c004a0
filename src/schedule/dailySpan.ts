/**
 * A span of local clock time such as `{ from: "22:00", to: "02:00" }`, reduced to minutes.
 * `to` earlier than `from` runs across midnight into the next day; equal times are an empty span;
 * `24:00` is the end of the day.
 */
export interface MinuteSpan {
  readonly fromMinute: number
  readonly toMinute: number
}

const minutesPerDay = 1440
const msPerMinute = 60_000

/** Minutes since midnight of a validated `HH:MM` (`24:00` gives 1440). */
export function minuteOfDay(clockTime: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clockTime)
  if (!match) throw new Error(`clock time "${clockTime}" is not "HH:MM"`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** The span in minutes. */
export function toMinuteSpan(span: { readonly from: string; readonly to: string }): MinuteSpan {
  return { fromMinute: minuteOfDay(span.from), toMinute: minuteOfDay(span.to) }
}

/** Whether the span crosses midnight into the next day. */
export function crossesMidnight(span: MinuteSpan): boolean {
  return span.toMinute < span.fromMinute
}

/** Whether the part of the span that starts on its own day covers this time of day. */
export function coversSameDay(span: MinuteSpan, msOfDay: number): boolean {
  const fromMs = span.fromMinute * msPerMinute
  const toMs = crossesMidnight(span) ? minutesPerDay * msPerMinute : span.toMinute * msPerMinute
  return msOfDay >= fromMs && msOfDay < toMs
}

/** Whether the part of a span that began the day before covers this time of day. */
export function coversFromPreviousDay(span: MinuteSpan, msOfDay: number): boolean {
  return crossesMidnight(span) && msOfDay < span.toMinute * msPerMinute
}

/** The boundary minutes of a span, as times of day (24:00 becomes 00:00). */
export function boundaryMinutes(span: MinuteSpan): number[] {
  return [span.fromMinute % minutesPerDay, span.toMinute % minutesPerDay]
}
