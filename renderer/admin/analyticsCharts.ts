import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js'
import type { AnalyticsSummary } from '../../src/analytics/analyticsSummary'

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Tooltip,
  Legend,
)

/** The canvases the analytics panel draws on. */
export interface AnalyticsCanvases {
  readonly perDay: HTMLCanvasElement
  readonly perHour: HTMLCanvasElement
  readonly dwell: HTMLCanvasElement
  readonly languages: HTMLCanvasElement
}

/** The words the charts show, in the admin screen's language. */
export interface AnalyticsChartLabels {
  readonly visits: string
  readonly averageDwellSeconds: string
}

/** The palette of the charts, read from the design tokens so they match the screen. */
function tokenColor(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#35604f'
}

/**
 * The four analytics charts. This module is loaded only by the admin screen's analytics panel,
 * so chart.js never reaches visitors. The owner calls `dispose()` to free the charts.
 */
export class AnalyticsCharts {
  readonly #charts: Chart[] = []

  constructor(
    canvases: AnalyticsCanvases,
    summary: AnalyticsSummary,
    exhibitTitle: (id: string) => string,
    labels: AnalyticsChartLabels,
  ) {
    const celadon = tokenColor('--color-celadon-deep')
    const cinnabar = tokenColor('--color-cinnabar')
    const ink = tokenColor('--color-ink-soft')
    Chart.defaults.font.family = getComputedStyle(document.documentElement).getPropertyValue(
      '--font-sans',
    )
    Chart.defaults.font.size = 16
    Chart.defaults.color = ink
    const barOptions = {
      animation: false as const,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    }
    this.#charts.push(
      new Chart(canvases.perDay, {
        type: 'bar',
        data: {
          labels: summary.visitsPerDay.map((entry) => entry.day.slice(5)),
          datasets: [
            {
              label: labels.visits,
              data: summary.visitsPerDay.map((entry) => entry.visits),
              backgroundColor: celadon,
            },
          ],
        },
        options: barOptions,
      }),
      new Chart(canvases.perHour, {
        type: 'bar',
        data: {
          labels: summary.visitsPerHour.map((_, hour) => `${hour}`),
          datasets: [
            { label: labels.visits, data: [...summary.visitsPerHour], backgroundColor: celadon },
          ],
        },
        options: barOptions,
      }),
      new Chart(canvases.dwell, {
        type: 'bar',
        data: {
          labels: summary.dwellPerExhibit.map((entry) => exhibitTitle(entry.exhibitId)),
          datasets: [
            {
              label: labels.averageDwellSeconds,
              data: summary.dwellPerExhibit.map((entry) => Math.round(entry.averageDwellMs / 1000)),
              backgroundColor: cinnabar,
            },
          ],
        },
        options: { ...barOptions, indexAxis: 'y' as const },
      }),
      new Chart(canvases.languages, {
        type: 'doughnut',
        data: {
          labels: summary.languageShare.map((entry) => entry.language),
          datasets: [
            {
              data: summary.languageShare.map((entry) => entry.uses),
              backgroundColor: [celadon, cinnabar, ink, tokenColor('--color-celadon')],
            },
          ],
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false },
      }),
    )
  }

  dispose(): void {
    for (const chart of this.#charts.splice(0)) chart.destroy()
  }
}
