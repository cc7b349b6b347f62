import { useI18n, type MessageKey } from '../i18n';
import { Link, useRouter } from '../router';
import { MyAssisted } from '../civic/assisted';
import { BuildingPage } from '../civic/building';
import { CoBuilding } from '../civic/co-building';
import { MicroBudget } from '../civic/micro-budget';
import { OwnersVotePage } from '../civic/owners-vote';
import { CaseDetailView, MyCases } from './my-cases';
import { PointsPage } from './points';
import { ReportForm } from './report-form';
import { useOfflineQueue } from '../offline/offline-queue';
import { TopicDetail, Topics } from './topics';

const TABS: readonly { path: string; label: MessageKey; icon: string }[] = [
  { path: '/resident/report', label: 'tabReport', icon: '📷' },
  { path: '/resident/cases', label: 'tabMine', icon: '📋' },
  { path: '/resident/topics', label: 'tabTopics', icon: '🗳' },
  { path: '/resident/co-building', label: 'tabCoBuilding', icon: '🤝' },
  { path: '/resident/budget', label: 'tabMicroBudget', icon: '💰' },
  { path: '/resident/points', label: 'tabPoints', icon: '🎁' },
];

/** The resident's phone: six big tabs at the bottom, one task per page. */
export function ResidentFace() {
  const { t } = useI18n();
  const { path } = useRouter();
  const queue = useOfflineQueue();
  const caseId = /^\/resident\/cases\/([^/]+)$/.exec(path)?.[1];
  const topicId = /^\/resident\/topics\/([^/]+)$/.exec(path)?.[1];
  const buildingId = /^\/resident\/buildings\/([^/]+)$/.exec(path)?.[1];
  const ownersVoteId = /^\/resident\/owners-votes\/([^/]+)$/.exec(path)?.[1];
  return (
    <div className="resident">
      <div className="resident-page">
        {caseId ? (
          <CaseDetailView caseId={decodeURIComponent(caseId)} />
        ) : topicId ? (
          <TopicDetail topicId={decodeURIComponent(topicId)} />
        ) : buildingId ? (
          <BuildingPage buildingId={decodeURIComponent(buildingId)} />
        ) : ownersVoteId ? (
          <OwnersVotePage voteId={decodeURIComponent(ownersVoteId)} />
        ) : path.startsWith('/resident/cases') ? (
          <MyCases />
        ) : path.startsWith('/resident/topics') ? (
          <Topics />
        ) : path.startsWith('/resident/co-building') ? (
          <CoBuilding />
        ) : path.startsWith('/resident/budget') ? (
          <MicroBudget />
        ) : path.startsWith('/resident/assisted') ? (
          <MyAssisted />
        ) : path.startsWith('/resident/points') ? (
          <PointsPage />
        ) : (
          // A queued report taken out to be fixed starts the form afresh, filled with it.
          <ReportForm key={queue.editRound} />
        )}
      </div>
      <nav className="tab-bar" aria-label={t('faceResident')}>
        {TABS.map((tab) => (
          <Link key={tab.path} to={tab.path} className="tab" current={path.startsWith(tab.path)}>
            <span className="tab-icon" aria-hidden="true">
              {tab.icon}
            </span>
            <span>{t(tab.label)}</span>
          </Link>
        ))}
      </nav>
    </div>
  );
}
