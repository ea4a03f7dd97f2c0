// A branch's card: every figure with target, previous, interval and sample; tiers; IPA; trends.
import { html, render } from '/app/vendor/lit-html.js';
import { downloadCsv, graphql, SessionEnded } from '../api.js';
import { quadrantChart, trendChart } from '../charts.js';
import {
  FIGURE_UNITS,
  formatChange,
  formatDateTime,
  formatInterval,
  formatPeriod,
  formatValue,
  periodKind,
  trendPeriods,
} from '../format.js';
import { t } from '../i18n.js';
import { downloadButton, link, paths, periodPicker, table } from '../ui.js';
import { DRILLS } from './drill.js';

const FIGURES = [
  'compositeScore',
  'satisfactionIndex',
  'cs1',
  'cs2',
  'cs3',
  'topBoxShare',
  'top3BoxShare',
  'nps',
  'activationOnTimeRate',
  'activationLatenessMinutes',
  'faultWithinSlaRate',
  'acknowledgementMinutes',
  'followUpCoverage',
  'postActivationFollowUpRate',
  'postRepairFollowUpRate',
  'lead',
  'complaintFirstContactRate',
  'complaintResolutionRate',
  'complaintsPer100Accounts',
];

const FIGURE = 'value sampleSize numerator denominator low high target previous';

const CARD = `query AppBranchCard($code: String!, $period: String!) {
  branchScorecard(branchCode: $code, period: $period) {
    branch { code name timeZone }
    period rank insufficientSample responses overdueActivations computedAt
    ${FIGURES.map((f) => `${f} { ${FIGURE} }`).join('\n    ')}
    tiers {
      severity tickets
      withinSlaRate { ${FIGURE} } mttrMinutes { ${FIGURE} }
      p90Minutes { ${FIGURE} } repeatRate { ${FIGURE} }
    }
    quadrants { attribute label importance performance responses quadrant }
  }
}`;

// The trend lines: the composite's components on 0–100 (shares as percentages) and the composite.
const TREND_FIGURES = [
  ['compositeScore', 1],
  ['satisfactionIndex', 1],
  ['activationOnTimeRate', 100],
  ['faultWithinSlaRate', 100],
  ['followUpCoverage', 100],
];

const trendQuery = (count) => `query AppTrends($code: String!, ${Array.from(
  { length: count },
  (_, i) => `$p${i}: String!`,
).join(', ')}) {
  ${Array.from(
    { length: count },
    (_, i) => `p${i}: branchScorecard(branchCode: $code, period: $p${i}) {
    period ${TREND_FIGURES.map(([f]) => `${f} { value }`).join(' ')}
  }`,
  ).join('\n  ')}
}`;

/** How a figure's sample reads: "n = 12" or "3 / 4". */
function sample(figure) {
  if (figure.numerator !== null && figure.denominator !== null) {
    return `${formatValue(figure.numerator, 'count')} / ${formatValue(figure.denominator, 'count')}`;
  }
  return `n = ${formatValue(figure.sampleSize, 'count')}`;
}

function figureRows(card) {
  return FIGURES.map((key) => ({ key, figure: card[key], unit: FIGURE_UNITS[key] }));
}

function figuresTable(card, period) {
  const drillFor = Object.fromEntries(
    Object.entries(DRILLS).map(([list, drill]) => [drill.figure, list]),
  );
  const columns = [
    { label: t('figure'), cell: (r) => t(r.key) },
    { label: t('value'), cell: (r) => formatValue(r.figure.value, r.unit), numeric: true },
    { label: t('target'), cell: (r) => formatValue(r.figure.target, r.unit), numeric: true },
    { label: t('previous'), cell: (r) => formatValue(r.figure.previous, r.unit), numeric: true },
    {
      label: t('change'),
      cell: (r) => formatChange(r.figure.value, r.figure.previous, r.unit),
      numeric: true,
    },
    {
      label: t('interval'),
      cell: (r) => formatInterval(r.figure.low, r.figure.high, r.unit),
      numeric: true,
    },
    { label: t('sample'), cell: (r) => sample(r.figure), numeric: true },
    {
      label: t('records'),
      cell: (r) =>
        drillFor[r.key]
          ? link(
              paths.drill(card.branch.code, period, drillFor[r.key]),
              t(DRILLS[drillFor[r.key]].title),
            )
          : '',
    },
  ];
  return table({ caption: t('figures'), columns, rows: figureRows(card), id: 'figures-table' });
}

function tiersTable(card) {
  const figure = (key, unit) => (tier) =>
    html`${formatValue(tier[key].value, unit)}<span class="muted">
        (${formatValue(tier[key].previous, unit)})</span
      >`;
  const columns = [
    { label: t('severity'), cell: (tier) => t(tier.severity) },
    { label: t('tickets'), cell: (tier) => formatValue(tier.tickets, 'count'), numeric: true },
    { label: t('withinSla'), cell: figure('withinSlaRate', 'share'), numeric: true },
    { label: t('mttr'), cell: figure('mttrMinutes', 'minutes'), numeric: true },
    { label: t('p90'), cell: figure('p90Minutes', 'minutes'), numeric: true },
    { label: t('repeatRate'), cell: figure('repeatRate', 'share'), numeric: true },
  ];
  const caption = `${t('tiers')} (${t('previousInBrackets')})`;
  return table({ caption, columns, rows: card.tiers, id: 'tiers-table' });
}

function quadrantTable(attributes) {
  const columns = [
    { label: '#', cell: (a) => a.number, numeric: true },
    { label: t('attribute'), cell: (a) => a.name },
    { label: t('importance'), cell: (a) => formatValue(a.importance, 'score'), numeric: true },
    { label: t('performance'), cell: (a) => formatValue(a.performance, 'score'), numeric: true },
    { label: t('responses'), cell: (a) => formatValue(a.responses, 'count'), numeric: true },
    { label: t('quadrant'), cell: (a) => t(a.quadrant) },
  ];
  return table({ caption: t('quadrants'), columns, rows: attributes, id: 'quadrant-table' });
}

export async function cardView(ctx, code, period) {
  const card = (await graphql(CARD, { code, period })).branchScorecard;
  const { timeZone, name } = card.branch;
  const csv = () =>
    downloadCsv(
      `/scorecards/${encodeURIComponent(period)}.csv?branch=${encodeURIComponent(code)}`,
      `scorecards-${period}-${code}.csv`,
    );
  const trendUnit = periodKind(period) === 'month' ? 'months' : 'quarters';
  const periods = trendPeriods(period, timeZone);
  const attributes = card.quadrants.map((q, i) => ({
    ...q,
    number: i + 1,
    name: q.label ?? q.attribute,
  }));
  const shown = ctx.show(
    html`<h1>${t('cardTitle', { branch: name, period: formatPeriod(period) })}</h1>
      <p class="summary">
        ${card.rank ? html`<strong>${t('rankOf', { rank: card.rank })}</strong> · ` : ''}
        ${card.insufficientSample ? html`<strong class="warn">${t('insufficient')}</strong> · ` : ''}
        ${t('responses')}: ${formatValue(card.responses, 'count')} ·
        ${t('overdue', { n: formatValue(card.overdueActivations, 'count') })} ·
        ${t('computedAt', { at: formatDateTime(card.computedAt, timeZone) })}
      </p>
      <div class="tools">
        ${periodPicker({
          period,
          timeZone,
          toPath: (p) => paths.card(code, p),
          navigate: ctx.navigate,
        })}
        ${downloadButton(csv, ctx.fail)} ${link(paths.ranking(period), t('ranking'))}
      </div>
      ${figuresTable(card, period)} ${tiersTable(card)}
      <section aria-labelledby="ipa">
        <h2 id="ipa">${t('quadrants')}</h2>
        ${
          card.quadrants.length
            ? html`<figure class="chart" id="quadrant-chart"></figure>
                ${quadrantTable(attributes)}`
            : html`<p>${t('noQuadrants')}</p>`
        }
      </section>
      <section aria-labelledby="trends">
        <h2 id="trends">${t('trends')}</h2>
        <p>${t('trendsOf', { n: periods.length, unit: t(trendUnit) })}</p>
        <div id="trend-area"><p>${t('loading')}</p></div>
      </section>`,
  );
  if (!shown) return;
  if (card.quadrants.length) {
    document.getElementById('quadrant-chart').append(quadrantChart(attributes, ctx.width));
  }
  await showTrends(ctx, code, periods).catch((error) => {
    // Trends are extra: a failure there leaves the card in place.
    if (error instanceof SessionEnded) return ctx.fail(error);
    const area = document.getElementById('trend-area');
    if (area) area.textContent = `${t('error')}: ${error.message}`;
  });
}

async function showTrends(ctx, code, periods) {
  const variables = Object.fromEntries(periods.map((p, i) => [`p${i}`, p]));
  const data = await graphql(trendQuery(periods.length), { code, ...variables });
  const cards = periods.map((_, i) => data[`p${i}`]);
  const area = document.getElementById('trend-area');
  if (!area) return; // the person has moved on
  const points = cards.flatMap((card) =>
    TREND_FIGURES.map(([key, scale]) => ({
      period: formatPeriod(card.period),
      series: t(key),
      value: card[key].value === null ? undefined : card[key].value * scale,
    })),
  );
  const columns = [
    { label: t('period'), cell: (card) => formatPeriod(card.period) },
    ...TREND_FIGURES.map(([key]) => ({
      label: t(key),
      cell: (card) => formatValue(card[key].value, FIGURE_UNITS[key]),
      numeric: true,
    })),
  ];
  area.replaceChildren();
  const figure = document.createElement('figure');
  figure.className = 'chart';
  figure.id = 'trend-chart';
  figure.append(trendChart(points, periods.map(formatPeriod), ctx.width));
  area.append(figure);
  const holder = document.createElement('div');
  area.append(holder);
  render(table({ caption: t('trends'), columns, rows: cards, id: 'trend-table' }), holder);
}
