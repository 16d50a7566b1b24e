import { Route, Switch, useLocation } from 'wouter';
import { Account, SignInDialog } from './components/Account';
import { AppLink } from './components/AppLink';
import { NotFound } from './components/Status';
import { useT } from './i18n/useT';
import { useTitle } from './i18n/useTitle';
import { BriefView } from './views/brief/BriefView';
import { ChainMapView } from './views/chains/ChainMapView';
import { ChainsOverview } from './views/chains/ChainsOverview';
import { ChangesView } from './views/changes/ChangesView';
import { Explorer } from './views/explorer/Explorer';
import { PathView } from './views/path/PathView';
import { Pipeline } from './views/pipeline/Pipeline';
import { Targets } from './views/targets/Targets';

/** The shell: the top bar with the views, sign-in and the language switch, and the view the URL names. */
export function App() {
  const { t, lang, setLang } = useT();
  const [location] = useLocation();
  /** A chain's board is the pipeline's page, not the chains'. */
  const board = location === '/pipeline' || /^\/chains\/[^/]+\/pipeline$/.test(location);
  const current = (prefix: string) =>
    !board && (location === prefix || location.startsWith(`${prefix}/`)) ? 'page' : undefined;
  return (
    <div className="app" lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <header className="topbar">
        <h1>
          {t('app.name')} {lang === 'zh' && <span className="brand-en">Chain Atlas</span>}
        </h1>
        <p className="tagline">{t('app.tagline')}</p>
        <nav className="nav" aria-label={t('app.name')}>
          <AppLink
            href="/"
            aria-current={location === '/' || current('/chains') ? 'page' : undefined}
            data-testid="nav-chains"
          >
            {t('nav.chains')}
          </AppLink>
          <AppLink href="/explore" aria-current={current('/explore')} data-testid="nav-explorer">
            {t('nav.explorer')}
          </AppLink>
          <AppLink href="/path" aria-current={current('/path')} data-testid="nav-path">
            {t('nav.path')}
          </AppLink>
          <AppLink href="/pipeline" aria-current={board ? 'page' : undefined} data-testid="nav-pipeline">
            {t('nav.pipeline')}
          </AppLink>
        </nav>
        <Account />
        <button
          type="button"
          className="lang-switch"
          data-testid="lang-switch"
          // the visible name is the other language's own ("English", "中文"): the title says what it does
          title={t('nav.languageLabel')}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('nav.language')}
        </button>
      </header>
      <Switch>
        <Route path="/" component={ChainsOverview} />
        <Route path="/chains/:key/brief">{(p) => <BriefView key={p.key} chainKey={decodeURIComponent(p.key)} />}</Route>
        <Route path="/chains/:key/changes">
          {(p) => <ChangesView key={p.key} chainKey={decodeURIComponent(p.key)} />}
        </Route>
        <Route path="/chains/:key/pipeline">
          {(p) => <Pipeline key={p.key} chainKey={decodeURIComponent(p.key)} />}
        </Route>
        <Route path="/pipeline">{() => <Pipeline />}</Route>
        <Route path="/chains/:key/targets">{(p) => <Targets key={p.key} chainKey={decodeURIComponent(p.key)} />}</Route>
        <Route path="/chains/:key">{(p) => <ChainMapView key={p.key} chainKey={decodeURIComponent(p.key)} />}</Route>
        <Route path="/explore" component={Explorer} />
        <Route path="/path" component={PathView} />
        <Route>
          <UnknownPage path={location} />
        </Route>
      </Switch>
      <SignInDialog />
    </div>
  );
}

/** A path that names no view: said in the page's language, with the ways back. */
function UnknownPage({ path }: { path: string }) {
  const { t } = useT();
  useTitle(t('notFound.title'));
  return (
    <main className="page">
      <NotFound message={t('notFound.page', { path })} />
    </main>
  );
}
