import { Icon, type IconName } from '../icons';
import { useI18n, type MessageKey } from '../i18n';
import { ErrorBoundary, PageTitle } from '../ui';
import { Link, useRouter } from '../router';
import { MyAssisted } from '../civic/assisted';
import { BuildingPage } from '../civic/building';
import { CoBuilding } from '../civic/co-building';
import { InterestGroupsPage } from '../civic/interest-groups';
import { MicroBudget } from '../civic/micro-budget';
import { OwnersVotePage } from '../civic/owners-vote';
import { CaseDetailView, MyCases } from './my-cases';
import { PointsPage } from './points';
import { ReportForm } from './report-form';
import { useOfflineQueue } from '../offline/offline-queue';
import { RefusalNotice } from '../people/refusal-notice';
import { TopicDetail, Topics } from './topics';
import { ContestPage, ContestsPage } from '../contests/resident-contests';

// Four tasks and "more": five columns stay on one line at 390 px, in large text too.
const TABS: readonly { path: string; label: MessageKey; icon: IconName }[] = [
  { path: '/resident/report', label: 'tabReport', icon: 'camera' },
  { path: '/resident/cases', label: 'tabMine', icon: 'list' },
  { path: '/resident/topics', label: 'tabTopics', icon: 'ballot' },
  { path: '/resident/points', label: 'tabPoints', icon: 'gift' },
];

/** What "more" holds: the rest of the resident's pages. */
const MORE: readonly { path: string; label: MessageKey; icon: IconName }[] = [
  { path: '/resident/co-building', label: 'tabCoBuilding', icon: 'people' },
  { path: '/resident/groups', label: 'tabGroups', icon: 'star' },
  { path: '/resident/budget', label: 'tabMicroBudget', icon: 'coins' },
  { path: '/resident/assisted', label: 'assistedLink', icon: 'home' },
  { path: '/resident/contests', label: 'contestsLink', icon: 'gift' },
  // On a phone the header has no room for it: the password is changed from here.
  { path: '/account/password', label: 'accountLink', icon: 'pen' },
];

/** The resident's phone: four big tabs and "more" at the bottom, one task per page. */
export function ResidentFace() {
  const { t } = useI18n();
  const { path } = useRouter();
  const queue = useOfflineQueue();
  const caseId = /^\/resident\/cases\/([^/]+)$/.exec(path)?.[1];
  const topicId = /^\/resident\/topics\/([^/]+)$/.exec(path)?.[1];
  const buildingId = /^\/resident\/buildings\/([^/]+)$/.exec(path)?.[1];
  const ownersVoteId = /^\/resident\/owners-votes\/([^/]+)$/.exec(path)?.[1];
  const contestId = /^\/resident\/contests\/([^/]+)$/.exec(path)?.[1];
  return (
    <div className="resident">
      <div className="resident-page">
        <RefusalNotice />
        {/* A page that fails keeps the tab bar: the resident can still go elsewhere. Keyed by the path: a fresh start there. */}
        <ErrorBoundary key={path}>
          {caseId ? (
            <CaseDetailView caseId={decodeURIComponent(caseId)} />
          ) : topicId ? (
            <TopicDetail topicId={decodeURIComponent(topicId)} />
          ) : buildingId ? (
            <BuildingPage buildingId={decodeURIComponent(buildingId)} />
          ) : ownersVoteId ? (
            <OwnersVotePage voteId={decodeURIComponent(ownersVoteId)} />
          ) : contestId ? (
            <ContestPage contestId={decodeURIComponent(contestId)} />
          ) : path.startsWith('/resident/contests') ? (
            <ContestsPage />
          ) : path.startsWith('/resident/cases') ? (
            <MyCases />
          ) : path.startsWith('/resident/topics') ? (
            <Topics />
          ) : path.startsWith('/resident/co-building') ? (
            <CoBuilding />
          ) : path.startsWith('/resident/groups') ? (
            <InterestGroupsPage />
          ) : path.startsWith('/resident/budget') ? (
            <MicroBudget />
          ) : path.startsWith('/resident/assisted') ? (
            <MyAssisted />
          ) : path.startsWith('/resident/points') ? (
            <PointsPage />
          ) : path.startsWith('/resident/more') ? (
            <MorePage />
          ) : (
            // A queued report taken out to be fixed starts the form afresh, filled with it.
            <ReportForm key={queue.editRound} />
          )}
        </ErrorBoundary>
      </div>
      <nav className="tab-bar" aria-label={t('faceResident')}>
        {TABS.map((tab) => (
          <Link key={tab.path} to={tab.path} className="tab" current={path.startsWith(tab.path)}>
            <Icon name={tab.icon} className="tab-icon" />
            <span className="tab-label">{t(tab.label)}</span>
          </Link>
        ))}
        <Link to="/resident/more" className="tab" current={path.startsWith('/resident/more') || MORE.some((m) => path.startsWith(m.path))}>
          <Icon name="more" className="tab-icon" />
          <span className="tab-label">{t('tabMore')}</span>
        </Link>
      </nav>
    </div>
  );
}

function MorePage() {
  const { t } = useI18n();
  return (
    <section className="card">
      <PageTitle>{t('moreTitle')}</PageTitle>
      <ul className="more-list">
        {MORE.map((item) => (
          <li key={item.path}>
            <Link to={item.path} className="more-link">
              <Icon name={item.icon} /> {t(item.label)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
