// Small pieces shared by the views: links, the period picker, tables, download buttons.
import { html, nothing } from '/app/vendor/lit-html.js';
import { t } from './i18n.js';
import { currentPeriod, formatPeriod, periodKind, recentPeriods } from './format.js';

/** A link inside the app (the router handles it without reloading the page). */
export const link = (href, text) => html`<a href=${href} data-app-link>${text}</a>`;

/** Path of a branch card, its drill-downs and the ranking. */
export const paths = {
  ranking: (period) => `/app/ranking/${encodeURIComponent(period)}`,
  card: (code, period) => `/app/branches/${encodeURIComponent(code)}/${encodeURIComponent(period)}`,
  drill: (code, period, list) => `${paths.card(code, period)}/${list}`,
  account: (id) => `/app/accounts/${encodeURIComponent(id)}`,
  // The address's `?lang=` goes along: a report opened in one language stays in it.
  report: (id, period) =>
    `${paths.account(id)}/report/${encodeURIComponent(period)}${location.search}`,
};

/** Recent months, quarters and years in the branch's zone, plus the shown one. */
function periodChoices(shown, timeZone) {
  const groups = [
    ['month', recentPeriods('month', timeZone, 24)],
    ['quarter', recentPeriods('quarter', timeZone, 12)],
    ['year', recentPeriods('year', timeZone, 5)],
  ];
  return groups.map(([kind, labels]) =>
    kind === periodKind(shown) && !labels.includes(shown)
      ? [kind, [shown, ...labels]]
      : [kind, labels],
  );
}

/** A period picker (month, quarter, year; cut in the branch's time zone) that opens `toPath`. */
export function periodPicker({ period, timeZone, toPath, navigate }) {
  const submit = (event) => {
    event.preventDefault();
    navigate(toPath(new FormData(event.target).get('period')));
  };
  return html`<form class="picker" @submit=${submit}>
    <label for="period">${t('period')}</label>
    <select id="period" name="period">
      ${periodChoices(period, timeZone).map(
        ([kind, labels]) =>
          html`<optgroup label=${t(kind)}>
            ${labels.map(
              (label) =>
                html`<option value=${label} ?selected=${label === period}>
                  ${formatPeriod(label)}
                </option>`,
            )}
          </optgroup>`,
      )}
    </select>
    <button type="submit">${t('show')}</button>
  </form>`;
}

/** The default period to open: the current month in the zone. */
export const defaultPeriod = (timeZone) => currentPeriod('month', timeZone);

/** A button running an async download, reporting failures to `onError`. */
export function downloadButton(run, onError) {
  return html`<button type="button" class="download" @click=${() => run().catch(onError)}>
    ${t('downloadCsv')}
  </button>`;
}

/** A data table: columns of { label, cell(row) → template or text, numeric }. */
export function table({ caption, columns, rows, id }) {
  return html`<div class="table-wrap">
    <table id=${id ?? nothing}>
      <caption>
        ${caption}
      </caption>
      <thead>
        <tr>
          ${columns.map((c) => html`<th scope="col" class=${c.numeric ? 'num' : ''}>${c.label}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) =>
            html`<tr>
              ${columns.map((c, i) =>
                i === 0
                  ? html`<th scope="row">${c.cell(row)}</th>`
                  : html`<td class=${c.numeric ? 'num' : ''}>${c.cell(row)}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
