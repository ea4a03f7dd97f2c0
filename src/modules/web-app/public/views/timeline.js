// An account's timeline (newest first), page by page: where a drill-down row leads.
import { html } from '/app/vendor/lit-html.js';
import { graphql } from '../api.js';
import { currentPeriod, formatDateTime } from '../format.js';
import { t } from '../i18n.js';
import { link, paths, table } from '../ui.js';

const PAGE = 25;

const TIMELINE = `query AppTimeline($id: ID!, $first: Int!, $after: String) {
  keyAccount(id: $id) {
    name externalId
    branch { code name timeZone }
    accountManager { name }
    timeline(first: $first, after: $after) {
      edges { node { __typename id stage occurredAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

// "FaultTicket" → "Fault ticket": the record's type in words.
const words = (typename) =>
  typename.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/ [A-Z]/g, (s) => s.toLowerCase());

export async function timelineView(ctx, id) {
  const events = [];
  let after = null;
  let more = true;
  let account;
  const loadPage = async () => {
    account = (await graphql(TIMELINE, { id, first: PAGE, after })).keyAccount;
    if (!account) return;
    events.push(...account.timeline.edges.map((edge) => edge.node));
    after = account.timeline.pageInfo.endCursor;
    more = account.timeline.pageInfo.hasNextPage;
  };
  const draw = () => {
    if (!account) return ctx.show(html`<p>${t('notFound')}</p>`);
    const zone = account.branch.timeZone;
    const columns = [
      { label: t('occurred'), cell: (e) => formatDateTime(e.occurredAt, zone) },
      { label: t('stage'), cell: (e) => e.stage },
      { label: t('record'), cell: (e) => words(e.__typename) },
    ];
    const next = () => loadPage().then(draw).catch(ctx.fail);
    ctx.show(
      html`<h1>${t('timeline')} — ${account.name}</h1>
        <p class="summary">
          ${t('externalId')}: ${account.externalId} · ${t('branch')}: ${account.branch.name} ·
          ${t('manager')}: ${account.accountManager.name} ·
          ${link(paths.report(id, currentPeriod('quarter', zone)), t('serviceReport'))}
        </p>
        ${table({ caption: t('timeline'), columns, rows: events, id: 'timeline-table' })}
        ${more ? html`<button type="button" id="more" @click=${next}>${t('loadMore')}</button>` : ''}`,
    );
  };
  await loadPage();
  draw();
}
