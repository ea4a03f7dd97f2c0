// Ranking of a period: composite with 95 % whiskers, ties and noise explained, target ticks.
import { html } from '/app/vendor/lit-html.js';
import { downloadCsv, graphql } from '../api.js';
import { rankingChart } from '../charts.js';
import { formatChange, formatInterval, formatPeriod, formatValue } from '../format.js';
import { t } from '../i18n.js';
import { downloadButton, link, paths, periodPicker, table } from '../ui.js';

const RANKING = `query AppRanking($period: String!) {
  scorecardRanking(period: $period) {
    branch { code name timeZone }
    period rank insufficientSample responses
    compositeScore { value low high target previous sampleSize }
    topBoxShare { value numerator denominator }
  }
}`;

// Scores equal up to float noise are tied (as the ranking rule compares them).
const same = (a, b) => a !== null && b !== null && Math.abs(a - b) <= 1e-9;

/** Why a branch sits below the one above it: a tie break, noise or a clear gap. */
export function rankingNote(card, above) {
  if (card.insufficientSample) return t('insufficient');
  if (!above || above.insufficientSample) return '';
  const name = above.branch.name;
  const [a, b] = [above.compositeScore, card.compositeScore];
  if (same(a.value, b.value)) {
    return same(above.topBoxShare.value, card.topBoxShare.value)
      ? t('tieCode', { above: name })
      : t('tieTopBox', {
          above: name,
          a: formatValue(above.topBoxShare.value, 'share'),
          b: formatValue(card.topBoxShare.value, 'share'),
        });
  }
  if ([a.low, a.high, b.low, b.high].includes(null)) return '';
  return b.high >= a.low ? t('withinNoise', { above: name }) : t('clearGap', { above: name });
}

export async function rankingView(ctx, period) {
  const cards = (await graphql(RANKING, { period })).scorecardRanking;
  const timeZone = cards[0]?.branch.timeZone ?? ctx.viewer.branch?.timeZone ?? 'Asia/Shanghai';
  const rows = cards.map((card) => ({
    label: `${card.rank}. ${card.branch.name}`,
    value: card.compositeScore.value,
    low: card.compositeScore.low,
    high: card.compositeScore.high,
    target: card.compositeScore.target,
    insufficient: card.insufficientSample,
    text: formatValue(card.compositeScore.value, 'index'),
  }));
  const columns = [
    { label: t('rank'), cell: (c) => c.rank, numeric: true },
    { label: t('branch'), cell: (c) => link(paths.card(c.branch.code, period), c.branch.name) },
    {
      label: t('composite'),
      cell: (c) => formatValue(c.compositeScore.value, 'index'),
      numeric: true,
    },
    {
      label: t('interval'),
      cell: (c) => formatInterval(c.compositeScore.low, c.compositeScore.high, 'index'),
      numeric: true,
    },
    {
      label: t('target'),
      cell: (c) => formatValue(c.compositeScore.target, 'index'),
      numeric: true,
    },
    {
      label: t('change'),
      cell: (c) => formatChange(c.compositeScore.value, c.compositeScore.previous, 'index'),
      numeric: true,
    },
    { label: t('responses'), cell: (c) => formatValue(c.responses, 'count'), numeric: true },
    { label: t('topBox'), cell: (c) => formatValue(c.topBoxShare.value, 'share'), numeric: true },
    { label: t('note'), cell: (c) => rankingNote(c, cards[cards.indexOf(c) - 1]) },
  ];
  const csv = () =>
    downloadCsv(`/scorecards/${encodeURIComponent(period)}.csv`, `scorecards-${period}.csv`);
  const shown = ctx.show(
    html`<h1>${t('rankingTitle')} — ${formatPeriod(period)}</h1>
      <div class="tools">
        ${periodPicker({ period, timeZone, toPath: paths.ranking, navigate: ctx.navigate })}
        ${downloadButton(csv, ctx.fail)}
      </div>
      <figure class="chart" id="ranking-chart">
        <figcaption>${t('rankingChart')}</figcaption>
      </figure>
      ${table({ caption: t('rankingTitle'), columns, rows: cards, id: 'ranking-table' })}`,
  );
  if (shown && rows.length) {
    document.getElementById('ranking-chart').append(rankingChart(rows, ctx.width));
  }
}
