/** A horizontal bar chart with Observable Plot, loaded only by the pages that draw one. */
export interface Bar { label: string; value: number | null; suppressed: boolean }

export async function drawBars(target: HTMLElement, bars: Bar[], options: { title: string; locale: string; suppressedLabel: string }): Promise<void> {
  const Plot = await import('@observablehq/plot');
  const shown = bars.filter((b) => !b.suppressed && b.value !== null);
  const hidden = bars.filter((b) => b.suppressed);
  const format = new Intl.NumberFormat(options.locale, { maximumFractionDigits: 1 });
  const chart = Plot.plot({
    marginLeft: 180,
    height: Math.max(120, bars.length * 22 + 40),
    x: { grid: true, label: null, tickFormat: (v: number) => format.format(v) },
    y: { label: null, domain: bars.map((b) => b.label) },
    marks: [
      Plot.barX(shown, { x: 'value', y: 'label', fill: '#1f5f8b' }),
      Plot.text(shown, { x: 'value', y: 'label', text: (b: Bar) => format.format(b.value!), dx: 4, textAnchor: 'start' }),
      // Suppressed cells: a label, never a bar of zero.
      Plot.text(hidden, { x: 0, y: 'label', text: () => options.suppressedLabel, textAnchor: 'start', dx: 4, fontStyle: 'italic', fill: '#555' }),
      Plot.ruleX([0]),
    ],
  });
  hideFromAssistiveTechnology(chart);
  target.replaceChildren(chart);
}

/** An estimate with its confidence interval: a dot on a line from lower to upper, against zero. */
export async function drawInterval(target: HTMLElement, estimate: { label: string; value: number; lower: number; upper: number }, options: { locale: string }): Promise<void> {
  const Plot = await import('@observablehq/plot');
  const format = new Intl.NumberFormat(options.locale, { maximumFractionDigits: 2 });
  const chart = Plot.plot({
    marginLeft: 180,
    height: 90,
    x: { grid: true, label: null, tickFormat: (v: number) => format.format(v), domain: [Math.min(0, estimate.lower), Math.max(0, estimate.upper)], nice: true },
    y: { label: null },
    marks: [
      Plot.ruleX([0]),
      Plot.link([estimate], { x1: 'lower', x2: 'upper', y1: 'label', y2: 'label', stroke: '#1f5f8b', strokeWidth: 2 }),
      Plot.dot([estimate], { x: 'value', y: 'label', fill: '#1f5f8b', r: 5 }),
      Plot.text([estimate], { x: 'value', y: 'label', text: (e: typeof estimate) => format.format(e.value), dy: -12 }),
    ],
  });
  hideFromAssistiveTechnology(chart);
  target.replaceChildren(chart);
}

/**
 * The container is the labelled image and the table beside it carries the numbers. Plot labels
 * its groups (<g aria-label="bar">), which ARIA prohibits on elements without a role (axe's
 * aria-prohibited-attr): the drawing itself carries no ARIA at all.
 */
function hideFromAssistiveTechnology(chart: Element): void {
  for (const labelled of chart.querySelectorAll('[aria-label], [aria-description]')) {
    labelled.removeAttribute('aria-label');
    labelled.removeAttribute('aria-description');
  }
  chart.setAttribute('aria-hidden', 'true');
}

/** CSV (RFC 4180) of rows of cells. */
export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const text = v === null ? '' : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
