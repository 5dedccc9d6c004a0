/** One plotted series: a title, its unit, and a value per sample (NaN leaves a gap). */
export interface PlotSeries {
  readonly title: string
  readonly unit: string
  readonly values: readonly number[]
}

const panelWidth = 420
const panelHeight = 170
const columns = 2
const margin = { left: 64, right: 16, top: 28, bottom: 30 }

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

const formatValue = (value: number) =>
  Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 10
      ? value.toFixed(1)
      : value.toFixed(2)

/** One small chart: the series as a line over the sample minutes, with its min and max marked. */
function renderPanel(
  series: PlotSeries,
  minutes: readonly number[],
  x0: number,
  y0: number,
): string {
  const plotWidth = panelWidth - margin.left - margin.right
  const plotHeight = panelHeight - margin.top - margin.bottom
  const finite = series.values.filter(Number.isFinite)
  const low = finite.length ? Math.min(...finite, 0) : 0
  const high = finite.length ? Math.max(...finite) : 1
  const span = high - low || 1
  const firstMinute = minutes[0] ?? 0
  const minuteSpan = (minutes.at(-1) ?? 1) - firstMinute || 1
  const px = (minute: number) =>
    x0 + margin.left + ((minute - firstMinute) / minuteSpan) * plotWidth
  const py = (value: number) => y0 + margin.top + plotHeight - ((value - low) / span) * plotHeight
  const points = series.values
    .map((value, i) =>
      Number.isFinite(value)
        ? `${px(minutes[i] ?? i).toFixed(1)},${py(value).toFixed(1)}`
        : undefined,
    )
    .filter((p): p is string => p !== undefined)
  const left = x0 + margin.left
  const bottom = y0 + margin.top + plotHeight
  return [
    `<text x="${left}" y="${y0 + 18}" font-size="14" font-weight="600">${escapeXml(series.title)} (${escapeXml(series.unit)})</text>`,
    `<line x1="${left}" y1="${y0 + margin.top}" x2="${left}" y2="${bottom}" stroke="#8a8372"/>`,
    `<line x1="${left}" y1="${bottom}" x2="${left + plotWidth}" y2="${bottom}" stroke="#8a8372"/>`,
    `<text x="${left - 6}" y="${py(high) + 4}" font-size="11" text-anchor="end">${formatValue(high)}</text>`,
    `<text x="${left - 6}" y="${py(low) + 4}" font-size="11" text-anchor="end">${formatValue(low)}</text>`,
    `<text x="${left}" y="${bottom + 16}" font-size="11">${formatValue(firstMinute)} min</text>`,
    `<text x="${left + plotWidth}" y="${bottom + 16}" font-size="11" text-anchor="end">${formatValue(firstMinute + minuteSpan)} min</text>`,
    points.length > 1
      ? `<polyline fill="none" stroke="#a8321f" stroke-width="2" points="${points.join(' ')}"/>`
      : '',
    ...points.map((p) => {
      const [cx, cy] = p.split(',')
      return `<circle cx="${cx}" cy="${cy}" r="2.5" fill="#1f1d1a"/>`
    }),
  ].join('\n')
}

/** Small multiples of every series against the sample minutes, as a standalone SVG document. */
export function renderSoakSvg(
  title: string,
  minutes: readonly number[],
  series: readonly PlotSeries[],
): string {
  const rows = Math.ceil(series.length / columns)
  const width = columns * panelWidth
  const height = rows * panelHeight + 40
  const panels = series.map((s, i) =>
    renderPanel(s, minutes, (i % columns) * panelWidth, 40 + Math.floor(i / columns) * panelHeight),
  )
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" fill="#1f1d1a">`,
    `<rect width="100%" height="100%" fill="#f3efe4"/>`,
    `<text x="16" y="26" font-size="18" font-weight="600">${escapeXml(title)}</text>`,
    ...panels,
    '</svg>',
  ].join('\n')
}
