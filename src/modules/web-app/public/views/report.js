// An account's service report for a period, to print and hand to the customer: every section of
// `accountServiceReport`, the account's figures beside its branch's.
import { html } from '/app/vendor/lit-html.js';
import { graphql } from '../api.js';
import { formatDateTime, formatPeriod, formatValue } from '../format.js';
import { t } from '../i18n.js';
import { link, paths, periodPicker, table } from '../ui.js';

const FIGURE = 'value sampleSize numerator denominator';
const BRANCH_FIGURES = [
  'activationOnTimeRate',
  'activationLatenessMinutes',
  'faultWithinSlaRate',
  'acknowledgementMinutes',
  'followUpCoverage',
  'postActivationFollowUpRate',
  'postRepairFollowUpRate',
  'complaintFirstContactRate',
  'complaintResolutionRate',
];
const SATISFACTION_FIGURES = ['satisfactionIndex', 'cs1', 'cs2', 'cs3', 'topBoxShare', 'nps'];

const REPORT = `query AppServiceReport($id: ID!, $period: String!) {
  accountServiceReport(accountId: $id, period: $period) {
    account { id name externalId branch { code name timeZone } accountManager { name } }
    period periodStart periodEnd generatedAt
    activation {
      activated { id product orderedAt originalPromisedAt activatedAt latenessMinutes
        delays { reason } delayNotified }
      open { id product orderedAt originalPromisedAt overdue delays { reason } delayNotified }
      onTimeRate { ${FIGURE} } latenessMinutes { ${FIGURE} } delayNotifiedRate { ${FIGURE} }
      delayReasons { reason orders }
    }
    faults {
      restored { id serviceRef severity reportedAt restoredAt repairDurationMinutes targetMinutes
        withinSla isRepeat cause causeExplained pauses { from to reason } }
      open { id serviceRef severity reportedAt elapsedMinutes targetMinutes slaState }
      withinSlaRate { ${FIGURE} } acknowledgementMinutes { ${FIGURE} } repeatRate { ${FIGURE} }
      causeExplainedRate { ${FIGURE} } pausedTickets
      tiers { severity tickets withinSlaRate { ${FIGURE} } mttrMinutes { ${FIGURE} } }
    }
    followUps {
      followUps { id purpose channel status dueAt completedAt outcome }
      completed coverage { ${FIGURE} }
      postActivationFollowUpRate { ${FIGURE} } postRepairFollowUpRate { ${FIGURE} }
    }
    complaints {
      complaints { id category channel receivedAt firstContactedAt firstContactWithinTarget
        resolvedAt resolutionMinutes resolutionTargetMinutes resolvedWithinTarget outcome
        compensation { amount currency } confirmedAt reopenCount isRepeat }
      received repeats firstContactRate { ${FIGURE} } resolutionRate { ${FIGURE} }
    }
    satisfaction {
      responses { id respondedAt channel cs1 cs2 cs3 nps satisfactionIndex comment }
      account { responses ${SATISFACTION_FIGURES.map((f) => `${f} { ${FIGURE} }`).join(' ')} }
      branch { responses ${SATISFACTION_FIGURES.map((f) => `${f} { ${FIGURE} }`).join(' ')} }
    }
    branchScorecard { ${BRANCH_FIGURES.map((f) => `${f} { ${FIGURE} }`).join(' ')} }
  }
}`;

const UNITS = {
  satisfactionIndex: 'index',
  nps: 'index',
  cs1: 'score',
  cs2: 'score',
  cs3: 'score',
  latenessMinutes: 'minutes',
  activationLatenessMinutes: 'minutes',
  acknowledgementMinutes: 'minutes',
};
const unitOf = (key) => UNITS[key] ?? 'share';

/** A figure with what it rests on: "33.3 % (1 / 3)" or "1 h (n = 3)". */
function shown(figure, unit) {
  if (!figure) return '—';
  const value = formatValue(figure.value, unit);
  if (figure.value === null) return value;
  const count = (n) => formatValue(n, 'count');
  const basis =
    figure.numerator !== null && figure.denominator !== null
      ? `${count(figure.numerator)} / ${count(figure.denominator)}`
      : `n = ${count(figure.sampleSize)}`;
  return `${value} (${basis})`;
}

const days = (minutes) =>
  minutes === null || minutes === undefined
    ? '—'
    : t('days', { d: formatValue(minutes / 1440, 'index') });
const yesNo = (value) => (value === null || value === undefined ? '—' : t(value ? 'yes' : 'no'));
const reasons = (delays) =>
  [...new Set(delays.map((d) => d.reason))].map((reason) => t(reason)).join(', ') || '—';

/** Record-table columns by how a field is shown; `when` formats instants in the branch's zone. */
const columnsShownWith = (when) => ({
  text: (key, field) => ({ label: t(key), cell: (x) => x[field] ?? '—' }),
  term: (key, field, prefix = '') => ({
    label: t(key),
    cell: (x) => (x[field] ? t(`${prefix}${x[field]}`) : '—'),
  }),
  at: (key, field) => ({ label: t(key), cell: (x) => when(x[field]) }),
  minutes: (key, field) => ({
    label: t(key),
    cell: (x) => formatValue(x[field], 'minutes'),
    numeric: true,
  }),
  yesNo: (key, field) => ({ label: t(key), cell: (x) => yesNo(x[field]) }),
});

/** A figure row: this account's value beside the branch's (none for report-only figures). */
const versus = (key, account, branch = null) => ({
  label: t(key),
  account,
  branch,
  unit: unitOf(key),
});

/** A section of the report: heading, the figures against the branch, then its record tables. */
const section = (id, title, figures, body) =>
  html`<section id=${id} aria-labelledby=${`${id}-title`}>
    <h2 id=${`${id}-title`}>${title}</h2>
    ${figureTable(`${id}-figures`, t('figures'), figures)} ${body}
  </section>`;

/** A table of figures: label, this account, and the branch. */
function figureTable(id, caption, rows) {
  const columns = [
    { label: t('figure'), cell: (row) => row.label },
    { label: t('thisAccount'), cell: (row) => shown(row.account, row.unit), numeric: true },
    { label: t('branch'), cell: (row) => shown(row.branch, row.unit), numeric: true },
  ];
  return table({ caption, columns, rows, id });
}

function activationSection(report, when) {
  const a = report.activation;
  const card = report.branchScorecard;
  const figures = [
    versus('activationOnTimeRate', a.onTimeRate, card.activationOnTimeRate),
    versus('activationLatenessMinutes', a.latenessMinutes, card.activationLatenessMinutes),
    versus('delayNotifiedRate', a.delayNotifiedRate),
  ];
  // Both order tables: what was promised, then the table's own columns, then the delays.
  const c = columnsShownWith(when);
  const orderColumns = (own) => [
    c.text('product', 'product'),
    c.at('ordered', 'orderedAt'),
    c.at('promised', 'originalPromisedAt'),
    ...own,
    { label: t('delayReasons'), cell: (o) => reasons(o.delays) },
    c.yesNo('customerTold', 'delayNotified'),
  ];
  const activated = orderColumns([
    c.at('activated', 'activatedAt'),
    { label: t('delayDays'), cell: (o) => days(o.latenessMinutes), numeric: true },
  ]);
  const open = orderColumns([c.yesNo('overdueNow', 'overdue')]);
  return section(
    'activation',
    t('activationSection'),
    figures,
    html`<p class="summary">
        ${t('delayReasons')}:
        ${
          a.delayReasons.length
            ? a.delayReasons.map((r) => `${t(r.reason)} ${r.orders}`).join(' · ')
            : t('none')
        }
      </p>
      ${table({ caption: t('activatedInPeriod'), columns: activated, rows: a.activated, id: 'activated-table' })}
      ${table({ caption: t('stillOpen'), columns: open, rows: a.open, id: 'open-orders-table' })}`,
  );
}

function faultSection(report, when) {
  const f = report.faults;
  const card = report.branchScorecard;
  const figures = [
    versus('faultWithinSlaRate', f.withinSlaRate, card.faultWithinSlaRate),
    versus('acknowledgementMinutes', f.acknowledgementMinutes, card.acknowledgementMinutes),
    versus('repeatRate', f.repeatRate),
    versus('causeExplainedRate', f.causeExplainedRate),
  ];
  const pauses = (ticket) =>
    ticket.pauses.length
      ? ticket.pauses.map((p) => `${when(p.from)} – ${when(p.to)}`).join('; ')
      : '—';
  const c = columnsShownWith(when);
  const reported = [
    c.text('serviceRef', 'serviceRef'),
    c.term('severity', 'severity'),
    c.at('reported', 'reportedAt'),
  ];
  const restored = [
    ...reported,
    c.at('restored', 'restoredAt'),
    c.minutes('repair', 'repairDurationMinutes'),
    c.minutes('targetTime', 'targetMinutes'),
    c.yesNo('withinSla', 'withinSla'),
    c.yesNo('repeat', 'isRepeat'),
    c.text('cause', 'cause'),
    c.yesNo('causeExplained', 'causeExplained'),
    { label: t('pauses'), cell: pauses },
  ];
  const open = [
    ...reported,
    c.minutes('elapsed', 'elapsedMinutes'),
    c.minutes('targetTime', 'targetMinutes'),
    c.term('slaState', 'slaState', 'sla_'),
  ];
  const tiers = [
    c.term('severity', 'severity'),
    { label: t('tickets'), cell: (x) => formatValue(x.tickets, 'count'), numeric: true },
    { label: t('withinSla'), cell: (x) => shown(x.withinSlaRate, 'share'), numeric: true },
    { label: t('mttr'), cell: (x) => formatValue(x.mttrMinutes.value, 'minutes'), numeric: true },
  ];
  return section(
    'faults',
    t('faultSection'),
    figures,
    html`<p class="summary">${t('pausedTickets', { n: f.pausedTickets })}</p>
      ${table({ caption: t('tiers'), columns: tiers, rows: f.tiers, id: 'tier-table' })}
      ${table({ caption: t('restoredInPeriod'), columns: restored, rows: f.restored, id: 'restored-table' })}
      ${table({ caption: t('stillOpen'), columns: open, rows: f.open, id: 'open-tickets-table' })}`,
  );
}

function followUpSection(report, when) {
  const u = report.followUps;
  const card = report.branchScorecard;
  const figures = [
    versus('followUpCoverage', u.coverage, card.followUpCoverage),
    versus(
      'postActivationFollowUpRate',
      u.postActivationFollowUpRate,
      card.postActivationFollowUpRate,
    ),
    versus('postRepairFollowUpRate', u.postRepairFollowUpRate, card.postRepairFollowUpRate),
  ];
  const c = columnsShownWith(when);
  const columns = [
    c.term('purpose', 'purpose'),
    c.text('channel', 'channel'),
    c.term('status', 'status', 'visit_'),
    c.at('due', 'dueAt'),
    c.at('completed', 'completedAt'),
    c.text('outcome', 'outcome'),
  ];
  return section(
    'follow-ups',
    t('followUpSection'),
    figures,
    html`${table({ caption: t('followUpsInPeriod'), columns, rows: u.followUps, id: 'follow-up-table' })}`,
  );
}

function complaintSection(report, when) {
  const k = report.complaints;
  const card = report.branchScorecard;
  const figures = [
    versus('complaintFirstContactRate', k.firstContactRate, card.complaintFirstContactRate),
    versus('complaintResolutionRate', k.resolutionRate, card.complaintResolutionRate),
  ];
  const money = (x) =>
    x.compensation
      ? `${formatValue(x.compensation.amount, 'index')} ${x.compensation.currency}`
      : '—';
  const c = columnsShownWith(when);
  const columns = [
    c.term('category', 'category', 'complaint_'),
    c.at('received', 'receivedAt'),
    c.at('firstContact', 'firstContactedAt'),
    c.yesNo('withinSla', 'firstContactWithinTarget'),
    c.at('resolvedAt', 'resolvedAt'),
    c.minutes('repair', 'resolutionMinutes'),
    c.minutes('targetTime', 'resolutionTargetMinutes'),
    c.yesNo('withinSla', 'resolvedWithinTarget'),
    c.term('outcome', 'outcome', 'outcome_'),
    { label: t('compensation'), cell: money },
    c.at('confirmed', 'confirmedAt'),
    c.yesNo('repeat', 'isRepeat'),
  ];
  return section(
    'complaints',
    t('complaintSection'),
    figures,
    html`<p class="summary">${t('complaintCounts', { n: k.received, r: k.repeats })}</p>
      ${table({ caption: t('complaintsOfPeriod'), columns, rows: k.complaints, id: 'complaint-table' })}`,
  );
}

function satisfactionSection(report, when) {
  const s = report.satisfaction;
  const figures = SATISFACTION_FIGURES.map((key) => versus(key, s.account[key], s.branch[key]));
  const c = columnsShownWith(when);
  const columns = [
    c.at('responded', 'respondedAt'),
    c.text('channel', 'channel'),
    { label: 'CS1 / CS2 / CS3', cell: (x) => `${x.cs1} / ${x.cs2} / ${x.cs3}`, numeric: true },
    {
      label: t('satisfactionIndex'),
      cell: (x) => formatValue(x.satisfactionIndex, 'index'),
      numeric: true,
    },
    c.text('comment', 'comment'),
  ];
  return section(
    'satisfaction',
    t('satisfactionSection'),
    figures,
    html`${table({ caption: t('surveyResponses'), columns, rows: s.responses, id: 'response-table' })}`,
  );
}

export async function reportView(ctx, id, period) {
  const { accountServiceReport: report } = await graphql(REPORT, { id, period });
  if (!report) return ctx.show(html`<p>${t('notFound')}</p>`);
  const zone = report.account.branch.timeZone;
  const when = (iso) => formatDateTime(iso, zone);
  ctx.show(
    html`<article class="report">
      <h1>
        ${t('reportTitle', { account: report.account.name, period: formatPeriod(report.period) })}
      </h1>
      <p class="summary">
        ${t('externalId')}: ${report.account.externalId} · ${t('branch')}:
        ${report.account.branch.name} · ${t('manager')}: ${report.account.accountManager.name} ·
        ${t('reportSpan', { from: when(report.periodStart), to: when(report.periodEnd) })} ·
        ${t('generatedAt', { at: when(report.generatedAt) })}
      </p>
      <div class="tools">
        ${periodPicker({
          period: report.period,
          timeZone: zone,
          toPath: (label) => paths.report(id, label),
          navigate: ctx.navigate,
        })}
        <button type="button" id="print" @click=${() => window.print()}>${t('print')}</button>
        ${link(paths.account(id), t('timeline'))}
      </div>
      <p class="muted">${t('reportNote')}</p>
      ${activationSection(report, when)} ${faultSection(report, when)}
      ${followUpSection(report, when)} ${complaintSection(report, when)}
      ${satisfactionSection(report, when)}
    </article>`,
  );
}
