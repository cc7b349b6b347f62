import { Icon } from '../icons';
import { ProposalForm } from '../proposal-form';
import { useState, type FormEvent } from 'react';
import { hasRole, useApi } from '../api';
import { useI18n } from '../i18n';
import { TOPIC_STAGE } from '../strings';
import { Link } from '../router';
import { ActionError, Loading, Notice, PageTitle, useAction } from '../ui';
import { TopicCoSigning } from './topic-co-signing';
import { useLiveInvalidation } from '../query';
import { useApiQuery } from '../api-client';

const TOPICS_PATH = '/api/dashboards/deliberation/topics' as const;

export function Topics() {
  const { t, name, dateTime } = useI18n();
  const api = useApi();
  const communityId = api.principal?.scope.communityId;
  const topics = useApiQuery(TOPICS_PATH, { query: { limit: 50, communityId } });
  // The list is the dashboards' read model: a topic just proposed shows once that view has it.
  useLiveInvalidation(['deliberation'], [TOPICS_PATH]);
  return (
    <>
      <section className="card">
        <PageTitle>{t('topicsTitle')}</PageTitle>
        <p>
          <Link to="/resident/assisted">
            <Icon name="home" /> {t('assistedLink')}
          </Link>
        </p>
        <Loading loaded={topics}>
          {(data) =>
            data.items.length === 0 ? (
              <p>{t('topicsEmpty')}</p>
            ) : (
              <ul className="list">
                {data.items.map((topic) => (
                  <li key={topic.topicId}>
                    <Link to={`/resident/topics/${topic.topicId}`} className="list-item list-link">
                      <span className="list-main">
                        <strong>{topic.title}</strong>
                        <span>
                          {t('stage')}：{name(TOPIC_STAGE[topic.stage], topic.stage)}
                        </span>
                        {topic.stage === 'voting' && topic.votingClosesAt && (
                          <span className="muted">
                            {t('votingCloses')}：{dateTime(topic.votingClosesAt)} · {t('ballotsCast')} {topic.ballotsCast}
                          </span>
                        )}
                      </span>
                      {topic.stage === 'voting' && <span className="pill">{t('viewTopic')}</span>}
                    </Link>
                  </li>
                ))}
              </ul>
            )
          }
        </Loading>
      </section>
      <ProposeTopic onProposed={topics.reload} />
    </>
  );
}

function ProposeTopic({ onProposed }: { onProposed: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  return (
    <ProposalForm
      id="propose"
      heading={t('propose')}
      titleLabel={t('topicTitle')}
      descriptionLabel={t('topicDescription')}
      successText={t('proposed')}
      sendText={t('proposeSend')}
      post={(proposal) => api.send('POST', '/api/deliberation/topics', proposal)}
      onPosted={onProposed}
    />
  );
}

export function TopicDetail({ topicId }: { topicId: string }) {
  const { t, dateTime } = useI18n();
  const api = useApi();
  const topic = useApiQuery('/api/deliberation/topics/{topicId}', { path: { topicId } });
  const action = useAction();
  const [choice, setChoice] = useState('');
  const [voted, setVoted] = useState(false);
  // The voter roll says whether this resident has voted (never how), so a cast vote still shows as cast after a reload.
  const ballot = useApiQuery(
    '/api/deliberation/topics/{topicId}/ballot',
    topic.data?.status === 'Voting' && hasRole(api.principal, 'resident') ? { path: { topicId } } : null,
  );
  const vote = async (event: FormEvent) => {
    event.preventDefault();
    setVoted(await action.run(() => api.send('PUT', `/api/deliberation/topics/${topicId}/ballot`, { optionId: choice })));
  };
  return (
    <section className="card">
      <Link to="/resident/topics" className="button button-quiet">
        <Icon name="back" /> {t('back')}
      </Link>
      <Loading loaded={topic}>
        {(data) => (
          <>
            <PageTitle>{data.title}</PageTitle>
            {data.groupName && <Notice kind="info">{t('topicGroupOnly', { name: data.groupName })}</Notice>}
            <p>{data.description}</p>
            <TopicCoSigning topic={data} onCoSigned={topic.reload} />
            {data.decision && (
              <Notice kind="info">
                {t('result')}：{data.decision.reasons}
              </Notice>
            )}
            {data.status === 'Voting' && data.voting && (
              <form onSubmit={vote}>
                <fieldset className="fieldset">
                  <legend>
                    {t('vote')}（{t('votingCloses')}：{dateTime(data.voting.closesAt)}）
                  </legend>
                  <div className="choices">
                    {data.voting.options.map((option) => (
                      <label key={option.optionId} className={`choice ${choice === option.optionId ? 'is-chosen' : ''}`}>
                        <input
                          type="radio"
                          name="ballot"
                          value={option.optionId}
                          checked={choice === option.optionId}
                          onChange={() => setChoice(option.optionId)}
                        />
                        <span>{option.label}</span>
                      </label>
                    ))}
                  </div>
                </fieldset>
                {(voted || ballot.data?.voted) && <Notice kind="success">{t('voted')}</Notice>}
                <ActionError error={action.error} />
                <button type="submit" className="button button-primary button-wide" disabled={action.busy || !choice}>
                  {t('voteSend')}
                </button>
              </form>
            )}
          </>
        )}
      </Loading>
    </section>
  );
}
