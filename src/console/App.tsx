/**
 * The console's shell: sign-in until there is a session, then the header (pages, the operator,
 * language, sign out) and the page the URL names. What waits for the operator is loaded here,
 * so the tab's title carries its count on every page.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError, useSession, type Region, type Session } from './api';
import { administers, Console, editsLedger, publishes, reviews, seesRegions, type ConsoleContext } from './context';
import { initialLanguage, rememberLanguage, translator, type ConsoleKey, type ConsoleLanguage } from './i18n';
import { useRoute, type Route } from './router';
import { loadWaiting, waitingCount, type Waiting } from './waiting';
import { SignIn } from './pages/SignIn';
import { Dashboard } from './pages/Dashboard';
import { Review } from './pages/Review';
import { Publish } from './pages/Publish';
import { Versions } from './pages/Versions';
import { Audit } from './pages/Audit';
import { Item } from './pages/Item';
import { LedgerPage } from './ledger/LedgerPage';
import { Operators } from './pages/Operators';
import { Regions } from './pages/Regions';
import { Households } from './pages/Households';
import { QuestionsPage } from './voice/QuestionsPage';
import { HelpPage } from './voice/HelpPage';
import { PollsPage } from './voice/PollsPage';
import { useHelpRequests } from './voice/useHelpRequests';
import { useBrowserNotices } from './voice/notifications';

const REFRESH_MS = 60_000;

const PAGE_TITLES: Record<Route['page'], ConsoleKey> = {
  dashboard: 'dashboard.title',
  review: 'review.title',
  publish: 'publish.title',
  versions: 'versions.title',
  audit: 'audit.title',
  ledger: 'ledger.title',
  questions: 'questions.title',
  help: 'duty.title',
  polls: 'polls.title',
  item: 'table.item',
  operators: 'operators.title',
  regions: 'regions.title',
  households: 'households.title',
  notFound: 'error.notFound',
};

export const App = () => {
  const [language, setLanguage] = useState<ConsoleLanguage>(initialLanguage);
  const t = useMemo(() => translator(language), [language]);
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [regions, setRegions] = useState(new Map<string, Region>());
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const route = useRoute();

  useEffect(() => {
    document.documentElement.lang = language;
    rememberLanguage(language);
  }, [language]);

  const signedIn = useCallback((next: Session | null) => {
    useSession(next);
    setSession(next);
  }, []);

  // An open session (the cookie is HttpOnly: only the service can say) or the sign-in page.
  useEffect(() => {
    api<Session>('GET', '/session').then(signedIn, () => signedIn(null));
  }, [signedIn]);

  useEffect(() => {
    if (session)
      void api<Region[]>('GET', '/regions').then((list) => setRegions(new Map(list.map((r) => [r.code, r]))));
  }, [session]);

  const refreshWaiting = useCallback(() => {
    if (!session) return;
    loadWaiting(session.operator).then(setWaiting, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) signedIn(null);
    });
  }, [session, signedIn]);
  useEffect(refreshWaiting, [refreshWaiting, route]);
  const signedOut = useCallback(() => signedIn(null), [signedIn]);
  const { help, refreshHelp } = useHelpRequests(!!session, signedOut);
  useBrowserNotices(help, waiting, t);
  // A console left open keeps its count (and the tab's title) current.
  useEffect(() => {
    const timer = setInterval(refreshWaiting, REFRESH_MS);
    return () => clearInterval(timer);
  }, [refreshWaiting]);

  const count = session && waiting ? waitingCount(session.operator, waiting, help) : 0;
  useEffect(() => {
    const page = session ? t(PAGE_TITLES[route.page]) : t('signIn.title');
    document.title = `${count ? `(${count}) ` : ''}${page} · ${t('app.name')}`;
  }, [count, route, session, t]);

  // A new page moves the focus to its heading, so a screen reader and the keyboard start there.
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [route, session]);

  const switchLanguage = (
    <button
      type="button"
      class="link"
      lang={language === 'en' ? 'zh-Hans' : 'en'}
      onClick={() => setLanguage(language === 'en' ? 'zh-Hans' : 'en')}
    >
      {t('app.language')}
    </button>
  );

  if (session === undefined) return <p class="loading">{t('app.loading')}</p>;
  if (session === null)
    return (
      <>
        <header class="top">
          <span class="brand">{t('app.name')}</span>
          {switchLanguage}
        </header>
        <SignIn t={t} language={language} onSignedIn={signedIn} />
      </>
    );

  const { operator } = session;
  const context: ConsoleContext = { session, language, t, regions, refreshWaiting, help, refreshHelp };
  const openQuestions = waiting?.questions.filter((q) => q.status === 'received' || q.status === 'accepted').length;
  const unacknowledged = help?.filter((h) => h.status === 'sent').length;
  const signOut = async () => {
    await api('DELETE', '/session').catch(() => undefined);
    setWaiting(null);
    signedIn(null);
  };
  const link = (href: string, page: Route['page'], label: string) => (
    <li>
      <a href={href} aria-current={route.page === page ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <Console.Provider value={context}>
      <a
        class="skip"
        href="#main"
        onClick={(e) => (e.preventDefault(), document.querySelector<HTMLElement>('main h1')?.focus())}
      >
        {t('app.skip')}
      </a>
      <header class="top">
        <span class="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {link('#/', 'dashboard', t('nav.dashboard'))}
            {reviews(operator.role) &&
              link(
                '#/review',
                'review',
                `${t('nav.review')}${waiting?.toReview.length ? ` (${waiting.toReview.length})` : ''}`,
              )}
            {publishes(operator.role) && link('#/publish', 'publish', t('nav.publish'))}
            {editsLedger(operator.role) && link('#/ledger', 'ledger', t('nav.ledger'))}
            {link('#/questions', 'questions', `${t('nav.questions')}${openQuestions ? ` (${openQuestions})` : ''}`)}
            {link('#/help', 'help', `${t('nav.help')}${unacknowledged ? ` (${unacknowledged})` : ''}`)}
            {link('#/polls', 'polls', t('nav.polls'))}
            {link('#/versions', 'versions', t('nav.versions'))}
            {link('#/households', 'households', t('nav.households'))}
            {seesRegions(operator.role) && link('#/regions', 'regions', t('nav.regions'))}
            {administers(operator.role) && link('#/operators', 'operators', t('nav.operators'))}
            {link('#/audit', 'audit', t('nav.audit'))}
          </ul>
        </nav>
        <span class="who">{t('nav.signedInAs', { name: operator.name, role: t(`role.${operator.role}`) })}</span>
        {switchLanguage}
        <button type="button" class="link" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </header>
      <main id="main">
        {route.page === 'dashboard' && <Dashboard waiting={waiting} />}
        {route.page === 'review' && <Review waiting={waiting} />}
        {route.page === 'publish' && <Publish waiting={waiting} />}
        {route.page === 'versions' && <Versions />}
        {route.page === 'audit' && <Audit />}
        {route.page === 'ledger' && <LedgerPage />}
        {route.page === 'questions' && <QuestionsPage waiting={waiting} />}
        {route.page === 'help' && <HelpPage />}
        {route.page === 'polls' && <PollsPage />}
        {route.page === 'item' && (
          <Item key={`${route.region}/${route.channel}/${route.itemId}`} {...route} waiting={waiting} />
        )}
        {route.page === 'operators' && <Operators />}
        {route.page === 'regions' && <Regions />}
        {route.page === 'households' && <Households key={route.village ?? ''} village={route.village} />}
        {route.page === 'notFound' && <h1 tabIndex={-1}>{t('error.notFound')}</h1>}
      </main>
    </Console.Provider>
  );
};
