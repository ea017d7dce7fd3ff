import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Provider } from '@urql/preact';
import {
  completeOidcSignIn, DEV_ROLES, loadSignInConfig, session, sessionExpired, signInAsRole, signInWithOidc, signOut, type SignInConfig,
} from './auth';
import { createClient } from './client';
import { LOCALES, locale, t, type Locale } from './i18n';
import { href, interceptLinks, navigate, route } from './router';
import { useSignal } from './signal';
import { Chapter, HandbookSearch } from './pages/Handbook';
import { Network } from './pages/Network';
import { NotFound } from './pages/NotFound';
import { Outcomes } from './pages/Outcomes';
import { Overview } from './pages/Overview';
import { Statistics } from './pages/Statistics';
import './styles.css';

const LANGUAGE_NAMES: Record<Locale, string> = { nb: 'Norsk bokmål', sv: 'Svenska', en: 'English' };

function SignIn({ config }: { config: SignInConfig }) {
  const viewer = useSignal(session);
  const expired = useSignal(sessionExpired);
  const [error, setError] = useState<string | null>(null);
  return (
    <div class="sign-in">
      {expired && <div class="banner banner-error" role="alert" data-problem="expired">{t('errExpired')}</div>}
      {viewer ? (
        <>
          <span data-viewer-role={viewer.role}>{t('signedInAs', { role: viewer.role })}</span>
          <button type="button" onClick={signOut}>{t('signOut')}</button>
        </>
      ) : <span>{t('anonymous')}</span>}
      {config.devTokens && (
        <label>{t('rolePicker')}
          <select id="role-picker" value={viewer?.role ?? ''} onChange={(e) => {
            const role = e.currentTarget.value;
            setError(null);
            if (role) signInAsRole(role).catch((err: Error) => setError(err.message));
            else signOut();
          }}>
            <option value="">{t('roleAnonymous')}</option>
            {DEV_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      )}
      {config.oidc && !viewer && <button type="button" data-sign-in="oidc" onClick={() => void signInWithOidc(config.oidc!)}>{t('signInOidc')}</button>}
      {error && <span role="alert">{error}</span>}
    </div>
  );
}

function Page() {
  const { path } = useSignal(route);
  useSignal(session);
  const network = /^\/networks\/([^/]+)$/.exec(path);
  const chapter = /^\/handbook\/chapters\/([^/]+)$/.exec(path);
  if (path === '/' || path === '') return <Overview />;
  if (network) return <Network key={network[1]} id={decodeURIComponent(network[1])} />;
  if (path === '/statistics') return <Statistics />;
  if (path === '/outcomes') return <Outcomes />;
  if (path === '/handbook') return <HandbookSearch />;
  if (chapter) return <Chapter key={chapter[1]} id={decodeURIComponent(chapter[1])} />;
  return <NotFound />;
}

function App({ config }: { config: SignInConfig }) {
  const lang = useSignal(locale);
  const viewer = useSignal(session);
  const { path } = useSignal(route);
  // A new client per viewer: one person's cached answers are never shown to the next. Made in the
  // same render as the change of viewer (not in an effect after it), so a page never sends its
  // operations once through the old client and again through the new one.
  const client = useMemo(createClient, [viewer?.token]);
  useEffect(() => { document.documentElement.lang = lang; document.title = t('appName'); }, [lang]);
  const nav: [string, string][] = [['/', t('navOverview')], ['/statistics', t('navStatistics')], ['/outcomes', t('navOutcomes')], ['/handbook', t('navHandbook')]];
  return (
    <Provider value={client}>
      <a class="skip" href="#main">{t('skip')}</a>
      <header>
        <strong class="brand">{t('appName')}</strong>
        <nav aria-label={t('appName')}>
          <ul>{nav.map(([to, label]) => (
            <li key={to}><a href={href(to)} aria-current={(to === '/' ? path === '/' : path.startsWith(to)) ? 'page' : undefined}>{label}</a></li>
          ))}</ul>
        </nav>
        <label class="language">{t('language')}
          <select id="language" value={lang} onChange={(e) => { locale.value = e.currentTarget.value as Locale; }}>
            {LOCALES.map((l) => <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>)}
          </select>
        </label>
        <SignIn config={config} />
      </header>
      <main id="main" tabIndex={-1}>
        <Page key={`${viewer?.token ?? ''}`} />
      </main>
    </Provider>
  );
}

async function start(): Promise<void> {
  const config = await loadSignInConfig();
  if (config.oidc) {
    const back = await completeOidcSignIn(config.oidc).catch(() => null);
    if (back) navigate(back, true);
  }
  const root = document.getElementById('app')!;
  interceptLinks(root);
  render(<App config={config} />, root);
}

void start();
