// The scorecard app: sign-in, header and a router over /app paths (deep links work after sign-in).
import { html, nothing, render } from '/app/vendor/lit-html.js';
import { ApiError, graphql, session, SessionEnded } from './api.js';
import { currentLanguage, setLanguage, t } from './i18n.js';
import { defaultPeriod, paths } from './ui.js';
import { rankingView } from './views/ranking.js';
import { cardView } from './views/card.js';
import { drillView } from './views/drill.js';
import { timelineView } from './views/timeline.js';
import { reportView } from './views/report.js';

const main = document.getElementById('main');
const top = document.getElementById('top');
const DEFAULT_ZONE = 'Asia/Shanghai';
main.replaceChildren(); // lit renders beside, not over, the static "Loading…"

const ROUTES = [
  [
    /^\/app\/ranking\/([^/]+)$/,
    ([period]) =>
      (ctx) =>
        rankingView(ctx, period),
  ],
  [
    /^\/app\/branches\/([^/]+)\/([^/]+)$/,
    ([code, period]) =>
      (ctx) =>
        cardView(ctx, code, period),
  ],
  [
    /^\/app\/branches\/([^/]+)\/([^/]+)\/([a-z-]+)$/,
    ([code, period, list]) =>
      (ctx) =>
        drillView(ctx, code, period, list),
  ],
  [
    /^\/app\/accounts\/([^/]+)$/,
    ([id]) =>
      (ctx) =>
        timelineView(ctx, id),
  ],
  [
    /^\/app\/accounts\/([^/]+)\/report\/([^/]+)$/,
    ([id, period]) =>
      (ctx) =>
        reportView(ctx, id, period),
  ],
];

const ME = `query AppViewer { me { login name role branch { code name timeZone } } }`;

let viewer = null; // { login, name, role, branch } once signed in

/** The person behind a token; no person means no session. */
async function whoIs(token) {
  const { me } = await graphql(ME, {}, token);
  if (!me) throw new SessionEnded('no user for this token');
  return me;
}
let generation = 0; // bumped on every navigation: late answers of an old view are dropped

/** The zone periods are cut in for this person: their branch's, else the service default. */
const homeZone = () => viewer?.branch?.timeZone ?? DEFAULT_ZONE;

function homePath() {
  const period = defaultPeriod(homeZone());
  return viewer.branch ? paths.card(viewer.branch.code, period) : paths.ranking(period);
}

export function navigate(path, { replace = false } = {}) {
  history[replace ? 'replaceState' : 'pushState'](null, '', path);
  void route();
}

function announce(message) {
  document.getElementById('status').textContent = message;
}

// A header link, marked as the current page while its section is shown.
const navLink = (href, section, text) =>
  html`<a
    href=${href}
    data-app-link
    aria-current=${location.pathname.startsWith(section) ? 'page' : nothing}
    >${text}</a
  >`;

function header() {
  const toggle = () => {
    setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en');
    void route();
  };
  const signOut = () => {
    session.end();
    viewer = null;
    navigate('/app');
  };
  const period = defaultPeriod(homeZone());
  render(
    html`<div class="bar">
      <span class="brand">${t('appName')}</span>
      ${
        viewer
          ? html`<nav aria-label=${t('appName')}>
              ${navLink(paths.ranking(period), '/app/ranking/', t('ranking'))}
              ${
                viewer.branch
                  ? navLink(
                      paths.card(viewer.branch.code, period),
                      `/app/branches/${encodeURIComponent(viewer.branch.code)}/`,
                      t('myBranch'),
                    )
                  : ''
              }
            </nav>`
          : ''
      }
      <span class="spacer"></span>
      <button
        type="button"
        lang=${currentLanguage() === 'en' ? 'zh-CN' : 'en'}
        aria-label=${t('languageName')}
        @click=${toggle}
      >
        ${t('language')}
      </button>
      ${
        viewer
          ? html`<span class="who">${t('signedInAs')} ${viewer.name}</span>
              <button type="button" @click=${signOut}>${t('signOut')}</button>`
          : ''
      }
    </div>`,
    top,
  );
  document.querySelector('.skip').textContent = t('skip');
  document.title = t('appName');
}

function signInForm(message) {
  const submit = async (event) => {
    event.preventDefault();
    const token = new FormData(event.target).get('token').trim();
    try {
      viewer = await whoIs(token);
      session.start(token);
      void route();
    } catch (error) {
      if (!(error instanceof SessionEnded)) throw error;
      showSignIn(t('signInFailed'));
    }
  };
  return html`<section class="sign-in">
    <h1>${t('signIn')}</h1>
    ${message ? html`<p class="alert" role="alert">${message}</p>` : ''}
    <form @submit=${submit}>
      <label for="token">${t('token')}</label>
      <input
        id="token"
        name="token"
        type="password"
        autocomplete="current-password"
        required
        aria-describedby="token-help"
      />
      <p id="token-help" class="help">${t('tokenHelp')}</p>
      <button type="submit">${t('signIn')}</button>
    </form>
  </section>`;
}

function showSignIn(message) {
  viewer = null;
  header();
  render(signInForm(message), main);
  document.getElementById('token').focus();
}

/** Renders the view of the current path, signing in first when needed. */
async function route() {
  const mine = ++generation;
  document.documentElement.lang = currentLanguage();
  try {
    if (!session.token()) return showSignIn();
    viewer ??= await whoIs(session.token());
    header();
    const path = location.pathname.replace(/\/+$/, '') || '/app';
    if (path === '/app') return navigate(homePath(), { replace: true });
    const match = ROUTES.map(([pattern, view]) => [pattern.exec(path), view]).find(([m]) => m);
    if (!match) return show(mine, html`<p>${t('notFound')}</p>`);
    const [found, view] = match;
    const params = found.slice(1).map(decodeURIComponent);
    const ctx = {
      viewer,
      navigate,
      width: Math.min(main.clientWidth || 900, 1100),
      show: (template) => show(mine, template),
      fail: (error) => fail(mine, error),
    };
    render(html`<p>${t('loading')}</p>`, main);
    await view(params)(ctx);
  } catch (error) {
    fail(mine, error);
  }
}

function show(mine, template) {
  if (mine !== generation) return false;
  render(template, main);
  // The tab's title names the view (screen readers announce it; history entries show it).
  const heading = main.querySelector('h1')?.textContent.trim();
  document.title = heading ? `${heading} · ${t('appName')}` : t('appName');
  return true;
}

function fail(mine, error) {
  if (mine !== generation) return;
  if (error instanceof SessionEnded) {
    session.end();
    return showSignIn(t('sessionEnded'));
  }
  const known = error instanceof ApiError && ['NOT_FOUND', 'FORBIDDEN'].includes(error.code);
  const message = known ? t('notFound') : `${t('error')}: ${error.message}`;
  show(mine, html`<p class="alert" role="alert">${message}</p>`);
  announce(message);
}

// Links inside the app change the view without reloading (and keep the session in memory).
document.addEventListener('click', (event) => {
  const anchor = event.target.closest?.('a[data-app-link]');
  if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(anchor.getAttribute('href'));
  main.focus();
});
window.addEventListener('popstate', () => void route());

void route();
