/**
 * The frame around the pages: the standalone header, the navigation between the pages the person may
 * open (My tandem for everyone, Programmes for programme managers, Reports for HR), and the page.
 * The console and the report are separate chunks, fetched when first opened.
 */
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { NavTabs } from '../components/nav-tabs';
import type { Api } from '../api/endpoints';
import type { HostInfo, ViewName } from '../host/host';
import { useT } from '../i18n/i18n-context';
import { useResource } from '../hooks/use-resource';
import { ErrorMessage } from '../components/error-message';
import { Empty, Loading, Page, PageHeader } from '../components/layout';
import { MyTandemPage } from '../pages/my-tandem/my-tandem-page';
import { AppContextProvider, type AppContextValue } from './app-context';
import { useNavState } from './navigation';
import { StandaloneBar, type StandaloneControls } from './standalone-bar';
import { loadConsolePage, loadReportPage } from './chunks';
import type { Me } from '../api/types';
import { ConsentRequiredError } from '../auth/teams-tokens';
import { ConsentNeeded } from './consent-needed';
import { OutsideTeamsError } from '../host/standalone-host';

const ConsolePage = lazy(loadConsolePage);
const ReportPage = lazy(loadReportPage);

const useStyles = makeStyles({
  nav: {
    padding: '0 16px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  main: { flexGrow: 1, display: 'flex', flexDirection: 'column' },
});

export function allowedViews(me: Pick<Me, 'isProgrammeManager' | 'canReadReports'>): ViewName[] {
  return [
    'my-tandem',
    ...(me.isProgrammeManager ? (['programmes'] as const) : []),
    ...(me.canReadReports ? (['reports'] as const) : []),
  ];
}

export function Shell({
  api,
  host,
  standalone,
  takeFirstMe,
}: {
  api: Api;
  host: HostInfo;
  standalone?: StandaloneControls;
  /** The answer to `GET /me` started during boot, handed out once. */
  takeFirstMe?: () => Promise<Me> | undefined;
}) {
  const s = useStyles();
  const { t } = useT();
  const me = useResource(() => takeFirstMe?.() ?? api.me(), [api]);
  const [nav, go] = useNavState(host.view ?? 'my-tandem');
  const value = useMemo<AppContextValue | undefined>(
    () =>
      me.data
        ? { api, me: me.data, reloadMe: me.reload, nav: { ...nav, go }, hostKind: host.kind, now: Date.now }
        : undefined,
    [api, me.data, me.reload, nav, go, host.kind],
  );
  // Inside Teams each static tab is one page; the tab's own navigation is only for the standalone page.
  const showNav = host.kind === 'standalone' || !host.view;
  const views = me.data ? allowedViews(me.data) : [];
  const allowed = views.includes(nav.view);
  // Standalone, after switching to an account that may not open this page: go to My tandem. Inside
  // Teams the static tab stays and says why it is empty.
  useEffect(() => {
    if (host.kind === 'standalone' && me.data && !allowed) go('my-tandem');
  }, [host.kind, me.data, allowed, go]);

  let body;
  if (standalone?.signInError instanceof OutsideTeamsError) {
    body = (
      <Page>
        <Empty title={t('standalone.openInTeams')}>{t('standalone.openInTeamsHint')}</Empty>
      </Page>
    );
  } else if (standalone?.signInError) {
    body = (
      <Page>
        <PageHeader title={t('standalone.noSignIn')} />
        <ErrorMessage error={standalone.signInError} />
        <Empty title={t('standalone.noSignIn')}>{t('standalone.noSignInHint')}</Empty>
      </Page>
    );
  } else if (!value && me.error instanceof ConsentRequiredError && host.consent) {
    body = <ConsentNeeded consent={host.consent} onDone={() => void me.reload()} />;
  } else if (!value) {
    body = me.error ? (
      <Page>
        <PageHeader title={t('shell.loadFailed')} />
        <ErrorMessage error={me.error} onRetry={() => void me.reload()} />
      </Page>
    ) : (
      <Loading label={t('common.loading')} />
    );
  } else if (!allowed) {
    body = (
      <Page>
        <Empty title={t('shell.notAllowed')}>
          {t(nav.view === 'programmes' ? 'shell.needsManage' : 'shell.needsReports')}
        </Empty>
      </Page>
    );
  } else {
    body = (
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        {nav.view === 'programmes' ? <ConsolePage /> : nav.view === 'reports' ? <ReportPage /> : <MyTandemPage />}
      </Suspense>
    );
  }

  return (
    <>
      {standalone && !(standalone.signInError instanceof OutsideTeamsError) && <StandaloneBar controls={standalone} />}
      {showNav && views.length > 1 && (
        <nav className={s.nav} aria-label={t('shell.navigation')}>
          <NavTabs
            items={views.map((v) => ({ value: v, label: t(`shell.view.${v}`), href: `?view=${v}` }))}
            current={nav.view}
            onSelect={(v) => go(v)}
          />
        </nav>
      )}
      <main className={s.main} id="main">
        {value ? <AppContextProvider value={value}>{body}</AppContextProvider> : body}
      </main>
    </>
  );
}
