// Charts drawn with Observable Plot (loaded as /app/vendor/plot.umd.min.js, global `Plot`) as SVG;
// every chart has a text alternative and its numbers in a table beside it.
import { t } from './i18n.js';

const INK = '#1d1d1f';
const BLUE = '#1f5fbf';
const RED = '#c62828';

// Plot returns the chart's <svg>, or a <figure> holding a legend and the chart's <svg> last.
function labelled(plot, description) {
  const svg = plot.tagName.toLowerCase() === 'svg' ? plot : plot.querySelector(':scope > svg');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', description);
  return plot;
}

const lowestTen = (rows) =>
  Math.max(
    0,
    Math.floor(Math.min(100, ...rows.map((r) => r.low ?? r.value ?? 100)) / 10) * 10 - 10,
  );

/** Composite per branch (best first) with 95 % whiskers, target ticks; hollow = insufficient sample. */
export function rankingChart(rows, width) {
  const withValue = rows.filter((r) => r.value !== null);
  const withInterval = rows.filter((r) => r.low !== null && r.high !== null);
  return labelled(
    Plot.plot({
      width,
      height: 50 + rows.length * 30,
      marginLeft: 150,
      style: { fontSize: '13px', color: INK },
      // From the lowest whisker's tens (not 0), so close branches stay apart; 100 is the top.
      x: { domain: [lowestTen(rows), 100], grid: true, label: t('composite') },
      y: { type: 'band', domain: rows.map((r) => r.label), label: null },
      marks: [
        Plot.ruleY(withInterval, { y: 'label', x1: 'low', x2: 'high', stroke: INK }),
        Plot.tickX(withInterval, { y: 'label', x: 'low', stroke: INK, inset: 9 }),
        Plot.tickX(withInterval, { y: 'label', x: 'high', stroke: INK, inset: 9 }),
        Plot.tickX(
          rows.filter((r) => r.target !== null),
          { y: 'label', x: 'target', stroke: RED, strokeWidth: 2 },
        ),
        Plot.dot(withValue, {
          y: 'label',
          x: 'value',
          r: 6,
          stroke: BLUE,
          strokeWidth: 2,
          fill: (r) => (r.insufficient ? 'white' : BLUE),
          title: (r) => `${r.label}: ${r.text}`,
        }),
      ],
    }),
    t('rankingChartAlt'),
  );
}

const QUADRANT_CORNERS = [
  ['IMPROVE_URGENTLY', 'bottom-right'],
  ['KEEP_UP', 'top-right'],
  ['LOW_PRIORITY', 'bottom-left'],
  ['POSSIBLE_OVERKILL', 'top-left'],
];

/** Importance across, performance up, split at the means; the four quadrants named in the corners. */
export function quadrantChart(attributes, width) {
  const mean = (key) => attributes.reduce((sum, a) => sum + a[key], 0) / attributes.length;
  const centre = { importance: mean('importance'), performance: mean('performance') };
  const span = (key) => {
    const values = attributes.map((a) => a[key]);
    const reach = Math.max(0.5, ...values.map((v) => Math.abs(v - centre[key]))) * 1.25;
    return [centre[key] - reach, centre[key] + reach];
  };
  return labelled(
    Plot.plot({
      width,
      height: 380,
      style: { fontSize: '13px', color: INK },
      x: { domain: span('importance'), label: t('importance'), grid: true },
      y: { domain: span('performance'), label: t('performance'), grid: true },
      marks: [
        Plot.ruleX([centre.importance], { stroke: INK, strokeDasharray: '4 4' }),
        Plot.ruleY([centre.performance], { stroke: INK, strokeDasharray: '4 4' }),
        Plot.dot(attributes, {
          x: 'importance',
          y: 'performance',
          r: 5,
          fill: (a) => (a.quadrant === 'IMPROVE_URGENTLY' ? RED : BLUE),
          title: 'name',
        }),
        // Numbers, not names, beside the dots: names of close attributes would overprint; the
        // table below gives each number its name.
        Plot.text(attributes, {
          x: 'importance',
          y: 'performance',
          text: 'number',
          dx: 9,
          textAnchor: 'start',
          fill: INK,
        }),
        ...QUADRANT_CORNERS.map(([quadrant, frameAnchor]) =>
          Plot.text([t(quadrant)], {
            frameAnchor,
            dx: frameAnchor.endsWith('left') ? 6 : -6,
            dy: frameAnchor.startsWith('top') ? 6 : -6,
            fontWeight: 'bold',
            fill: quadrant === 'IMPROVE_URGENTLY' ? RED : INK,
          }),
        ),
      ],
    }),
    t('quadrantChartAlt'),
  );
}

/** Main figures per period on 0–100 (shares as percentages), one coloured line each. */
export function trendChart(points, periods, width) {
  return labelled(
    Plot.plot({
      width,
      height: 320,
      style: { fontSize: '13px', color: INK },
      color: { legend: true },
      x: { type: 'point', domain: periods, label: null },
      y: { domain: [0, 100], grid: true, label: null },
      marks: [
        Plot.line(points, {
          x: 'period',
          y: 'value',
          stroke: 'series',
          marker: 'circle',
          strokeWidth: 2,
        }),
      ],
    }),
    t('trendChartAlt'),
  );
}
