// Drill-down: the records behind a figure, page by page, each linking to the account's timeline.
import { html } from '/app/vendor/lit-html.js';
import { graphql, saveFile } from '../api.js';
import { formatDateTime, formatPeriod, formatValue } from '../format.js';
import { t } from '../i18n.js';
import { downloadButton, link, paths, table } from '../ui.js';

const PAGE = 25;

const account = (node) => link(paths.account(node.account.id), node.account.name);
const ACCOUNT = 'account { id name externalId }';

const complaintColumns = (zone) => [
  { label: t('account'), cell: account, text: (n) => n.account.name },
  { label: t('externalId'), cell: (n) => n.externalId },
  { label: t('category'), cell: (n) => n.category },
  { label: t('received'), cell: (n) => formatDateTime(n.receivedAt, zone) },
  {
    label: t('firstContact'),
    cell: (n) => formatValue(n.firstContactMinutes, 'minutes'),
    numeric: true,
  },
  {
    label: t('resolution'),
    cell: (n) => formatValue(n.resolutionMinutes, 'minutes'),
    numeric: true,
  },
];
const COMPLAINT = `id externalId category receivedAt firstContactMinutes resolutionMinutes ${ACCOUNT}`;

/**
 * The lists behind figures: the connection, the figure it explains and how many records that
 * figure says there are (late = not on time; missed = not within SLA; …).
 */
export const DRILLS = {
  'late-activations': {
    title: 'lateActivations',
    figure: 'activationOnTimeRate',
    field: 'lateActivations',
    expected: (f) => (f.denominator === null ? null : f.denominator - f.numerator),
    node: `id externalId product originalPromisedAt activatedAt latenessMinutes ${ACCOUNT}`,
    columns: (zone) => [
      { label: t('account'), cell: account, text: (n) => n.account.name },
      { label: t('externalId'), cell: (n) => n.externalId },
      { label: t('product'), cell: (n) => n.product },
      { label: t('promised'), cell: (n) => formatDateTime(n.originalPromisedAt, zone) },
      { label: t('activated'), cell: (n) => formatDateTime(n.activatedAt, zone) },
      {
        label: t('lateness'),
        cell: (n) => formatValue(n.latenessMinutes, 'minutes'),
        numeric: true,
      },
    ],
  },
  'missed-sla-tickets': {
    title: 'missedSlaTickets',
    figure: 'faultWithinSlaRate',
    field: 'missedSlaTickets',
    expected: (f) => (f.denominator === null ? null : f.denominator - f.numerator),
    node: `id externalId severity reportedAt restoredAt repairDurationMinutes targetMinutes ${ACCOUNT}`,
    columns: (zone) => [
      { label: t('account'), cell: account, text: (n) => n.account.name },
      { label: t('externalId'), cell: (n) => n.externalId },
      { label: t('severity'), cell: (n) => t(n.severity) },
      { label: t('reported'), cell: (n) => formatDateTime(n.reportedAt, zone) },
      { label: t('restored'), cell: (n) => formatDateTime(n.restoredAt, zone) },
      {
        label: t('repair'),
        cell: (n) => formatValue(n.repairDurationMinutes, 'minutes'),
        numeric: true,
      },
      {
        label: t('targetTime'),
        cell: (n) => formatValue(n.targetMinutes, 'minutes'),
        numeric: true,
      },
    ],
  },
  'accounts-without-follow-up': {
    title: 'accountsWithoutFollowUp',
    figure: 'followUpCoverage',
    field: 'accountsWithoutFollowUp',
    expected: (f) => (f.denominator === null ? null : f.denominator - f.numerator),
    node: 'id name externalId accountManager { name }',
    columns: () => [
      {
        label: t('account'),
        cell: (n) => link(paths.account(n.id), n.name),
        text: (n) => n.name,
      },
      { label: t('externalId'), cell: (n) => n.externalId },
      { label: t('manager'), cell: (n) => n.accountManager.name },
    ],
  },
  'survey-responses': {
    title: 'surveyResponses',
    figure: 'satisfactionIndex',
    field: 'surveyResponses',
    expected: (f) => f.sampleSize,
    node: `id respondedAt channel cs1 cs2 cs3 nps ${ACCOUNT}`,
    columns: (zone) => [
      { label: t('account'), cell: account, text: (n) => n.account.name },
      { label: t('responded'), cell: (n) => formatDateTime(n.respondedAt, zone) },
      { label: t('channel'), cell: (n) => n.channel },
      { label: 'CS1', cell: (n) => n.cs1, numeric: true },
      { label: 'CS2', cell: (n) => n.cs2, numeric: true },
      { label: 'CS3', cell: (n) => n.cs3, numeric: true },
      { label: 'NPS', cell: (n) => n.nps ?? '—', numeric: true },
    ],
  },
  'competitor-responses': {
    title: 'competitorResponses',
    figure: 'lead',
    field: 'competitorResponses',
    // Responses rating any competitor; the lead's own sample is those rating the strongest one.
    expected: () => null,
    node: `id respondedAt cs1 cs2 cs3 competitors { competitor { code } cs1 cs2 cs3 } ${ACCOUNT}`,
    columns: (zone) => [
      { label: t('account'), cell: account, text: (n) => n.account.name },
      { label: t('responded'), cell: (n) => formatDateTime(n.respondedAt, zone) },
      { label: t('ours'), cell: (n) => `${n.cs1}/${n.cs2}/${n.cs3}` },
      {
        label: t('competitorScores'),
        cell: (n) =>
          n.competitors.map((c) => `${c.competitor.code} ${c.cs1}/${c.cs2}/${c.cs3}`).join('; '),
      },
    ],
  },
  'received-complaints': {
    title: 'receivedComplaints',
    figure: 'complaintsPer100Accounts',
    field: 'receivedComplaints',
    expected: (f) => f.numerator,
    node: COMPLAINT,
    columns: complaintColumns,
  },
  'first-contacts': {
    title: 'receivedComplaints',
    figure: 'complaintFirstContactRate',
    field: 'receivedComplaints',
    // Pending complaints are listed but are in neither part of the rate.
    expected: () => null,
    node: COMPLAINT,
    columns: complaintColumns,
  },
  'resolved-complaints': {
    title: 'resolvedComplaints',
    figure: 'complaintResolutionRate',
    field: 'resolvedComplaints',
    expected: (f) => f.denominator,
    node: COMPLAINT,
    columns: complaintColumns,
  },
};

const drillQuery = (
  drill,
) => `query AppDrillDown($code: String!, $period: String!, $first: Int!, $after: String) {
  branchScorecard(branchCode: $code, period: $period) {
    branch { code name timeZone }
    ${drill.figure} { value sampleSize numerator denominator }
    ${drill.field}(first: $first, after: $after) {
      edges { node { ${drill.node} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

// Quotes a CSV cell when it holds a separator, quote or line break (RFC 4180).
const csvCell = (value) => {
  const text = String(value ?? '');
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** The rows on screen as CSV, with the column headings shown. */
function rowsCsv(columns, nodes) {
  const text = (column, node) => (column.text ?? column.cell)(node);
  const lines = [
    columns.map((c) => csvCell(c.label)),
    ...nodes.map((node) => columns.map((c) => csvCell(text(c, node)))),
  ];
  return `${lines.map((line) => line.join(',')).join('\r\n')}\r\n`;
}

export async function drillView(ctx, code, period, list) {
  const drill = DRILLS[list];
  if (!drill) return ctx.show(html`<p>${t('notFound')}</p>`);
  const query = drillQuery(drill);
  const nodes = [];
  let after = null;
  let more = true;
  let card;
  const loadPage = async () => {
    card = (await graphql(query, { code, period, first: PAGE, after })).branchScorecard;
    const connection = card[drill.field];
    nodes.push(...connection.edges.map((edge) => edge.node));
    after = connection.pageInfo.endCursor;
    more = connection.pageInfo.hasNextPage;
  };
  const draw = () => {
    const zone = card.branch.timeZone;
    const columns = drill.columns(zone);
    const expected = drill.expected(card[drill.figure]);
    const csv = async () =>
      saveFile(
        new Blob(['\ufeff', rowsCsv(columns, nodes)], { type: 'text/csv;charset=utf-8' }),
        `${list}-${code}-${period}.csv`,
      );
    const next = () => loadPage().then(draw).catch(ctx.fail);
    ctx.show(
      html`<h1>${t(drill.title)} — ${card.branch.name}, ${formatPeriod(period)}</h1>
        <div class="tools">
          ${link(paths.card(code, period), t('back'))} ${downloadButton(csv, ctx.fail)}
        </div>
        <p id="drill-count">
          ${t('shownOf', { shown: nodes.length, total: expected ?? nodes.length })}
        </p>
        ${table({ caption: t(drill.title), columns, rows: nodes, id: 'drill-table' })}
        ${more ? html`<button type="button" id="more" @click=${next}>${t('loadMore')}</button>` : ''}`,
    );
  };
  await loadPage();
  draw();
}
