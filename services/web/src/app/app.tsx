import { useEffect, useState } from 'react';
import { accountPageOf, AccountLinks } from './account/account-routes';
import { hasRole, useApi, type Principal } from './api';
import { LiveMeeting } from './civic/meeting-record';
import { CityDashboard } from './dashboard/city-dashboard';
import { EvaluatorDesk } from './evaluation/evaluator-desk';
import { LeagueTablePage } from './evaluation/league-table-page';
import { useI18n } from './i18n';
import { ResidentFace } from './resident/resident-face';
import { PendingList } from './offline/pending-list';
import { SignOutButton } from './offline/sign-out-button';
import { Link, useRouter } from './router';
import { SignIn } from './sign-in';
import { Icon } from './icons';
import { ErrorBoundary } from './ui';
import { StaffConsole } from './staff/staff-console';

/** Where a person lands after signing in. */
export function homeOf(principal: Principal): string {
  if (hasRole(principal, 'resident')) return '/resident/report';
  if (hasRole(principal, 'department_staff')) return '/staff/inbox';
  if (hasRole(principal, 'street_officer')) return '/staff/whistles';
  if (hasRole(principal, 'grid_worker', 'community_officer')) return '/staff/triage';
  if (hasRole(principal, 'evaluator')) return '/evaluation';
  return '/dashboard';
}

export function App() {
  const { t, lang, setLang } = useI18n();
  const api = useApi();
  const { path, navigate } = useRouter();
  const [largeText, setLargeText] = useState(() => localStorage.getItem('gongzhi.largeText') === '1');
  useEffect(() => {
    document.documentElement.classList.toggle('large-text', largeText);
    localStorage.setItem('gongzhi.largeText', largeText ? '1' : '0');
  }, [largeText]);

  useEffect(() => {
    if (path === '/') navigate(api.principal ? homeOf(api.principal) : '/resident/report');
  }, [path, api.principal, navigate]);

  const face = path.startsWith('/staff')
    ? 'staff'
    : path.startsWith('/dashboard')
      ? 'dashboard'
      : path.startsWith('/meetings/')
        ? 'public'
        : path.startsWith('/evaluation')
          ? 'evaluation'
          : 'resident';
  // A resident's phone shows their own tasks only: the staff console and the wall screen are for others.
  const showFaces =
    !api.principal ||
    hasRole(api.principal, 'grid_worker', 'community_officer', 'street_officer', 'department_staff', 'supervisor', 'admin');
  const showFaceNav = showFaces && !(face === 'resident' && !api.principal);
  const account = accountPageOf(path);
  const needsSignIn = (account ? account.needsSignIn : face !== 'dashboard' && face !== 'public') && !api.principal;
  const liveMeetingId = /^\/meetings\/([^/]+)$/.exec(path)?.[1];

  return (
    <div className={`app face-${face}`}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('appName')}</span>
          <span className="brand-tagline">{t('tagline')}</span>
        </div>
        {showFaceNav && (
          <nav aria-label={t('mainNav')} className="face-nav">
            <Link to="/resident/report" current={face === 'resident'}>
              <Icon name="home" /> {t('faceResident')}
            </Link>
            <Link to="/staff" current={face === 'staff'}>
              <Icon name="folder" /> {t('faceStaff')}
            </Link>
            <Link to="/dashboard" current={face === 'dashboard'}>
              <Icon name="chart" /> {t('faceDashboard')}
            </Link>
          </nav>
        )}
        <div className="header-tools">
          <button type="button" className="button button-quiet" aria-pressed={largeText} onClick={() => setLargeText(!largeText)}>
            <Icon name="textSize" /> {largeText ? t('textNormal') : t('textBigger')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            lang={lang === 'zh' ? 'en' : 'zh-CN'}
            aria-label={t('switchLanguageLabel')}
            onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
          >
            {t('switchLanguage')}
          </button>
          {api.principal && (
            <span className="who">
              <span className="who-name">
                {t('signedInAs')}
                {api.principal.displayName}
              </span>{' '}
              <AccountLinks principal={api.principal} /> <SignOutButton />
            </span>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {/* Keyed by the path: another page is a fresh start after one that failed. */}
        {!needsSignIn && api.principal && <PendingList />}
        <ErrorBoundary key={path}>
          {needsSignIn && api.restoring ? (
            <p aria-live="polite">{t('restoringSession')}</p>
          ) : needsSignIn ? (
            <SignIn
              onSignedIn={(principal) => navigate(hasRole(principal, 'resident') === (face === 'resident') ? path : homeOf(principal))}
            />
          ) : account ? (
            account.page
          ) : face === 'staff' ? (
            <StaffConsole />
          ) : face === 'dashboard' ? (
            path === '/dashboard/league-table' ? (
              <LeagueTablePage />
            ) : (
              <CityDashboard />
            )
          ) : face === 'evaluation' ? (
            <EvaluatorDesk />
          ) : face === 'public' && liveMeetingId ? (
            <LiveMeeting meetingId={decodeURIComponent(liveMeetingId)} />
          ) : (
            <ResidentFace />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
