import { useState, type FormEvent } from 'react';
import { useApi, type Loaded } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { ActionError, Field, Loading, Notice, PageTitle, useAction } from '../ui';
import { StateTag } from './civic';

type Group = AnswerOf<'/api/deliberation/interest-groups'>['items'][number];
type Recommendations = AnswerOf<'/api/deliberation/me/recommendations'>;

/**
 * 兴趣社团: what is recommended to the resident and why, the groups they joined, and the community's groups to join.
 * The lists come from projections a moment behind a join, so this page shows its own answer at once.
 */
export function InterestGroupsPage() {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const groups = useApiQuery('/api/deliberation/interest-groups', {});
  const recommendations = useApiQuery('/api/deliberation/me/recommendations', {});
  const [mine, setMine] = useState<Record<string, boolean>>({});
  const [done, setDone] = useState<string | null>(null);
  // Groups founded here, shown before the projection lists them.
  const [founded, setFounded] = useState<Group[]>([]);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');

  const joined = (g: Group) => mine[g.groupId] ?? g.joined;
  const members = (g: Group) => g.memberCount + (joined(g) === g.joined ? 0 : joined(g) ? 1 : -1);
  const toggle = async (g: Group) => {
    const joining = !joined(g);
    const path = `/api/deliberation/interest-groups/${encodeURIComponent(g.groupId)}/membership`;
    if (await action.run(() => api.send(joining ? 'PUT' : 'DELETE', path, {}))) {
      setMine({ ...mine, [g.groupId]: joining });
      setDone(t(joining ? 'groupsJoinedNotice' : 'groupsLeftNotice', { name: g.name }));
      recommendations.reload();
    }
  };

  const found = async (event: FormEvent) => {
    event.preventDefault();
    let groupId = '';
    const sent = await action.run(async () => {
      groupId = ((await api.send('POST', '/api/deliberation/interest-groups', { name, description })) as { groupId: string }).groupId;
    });
    if (!sent) return;
    setFounded([...founded, { groupId, name: name.trim(), description: description.trim(), memberCount: 1, joined: true }]);
    setDone(t('groupsFoundedNotice', { name: name.trim() }));
    setName('');
    setDescription('');
  };
  const all = (items: readonly Group[]) => [...items, ...founded.filter((f) => !items.some((g) => g.groupId === f.groupId))];

  return (
    <>
      <section className="card">
        <PageTitle>{t('tabGroups')}</PageTitle>
        <p className="lead">{t('groupsIntro')}</p>
        {done && <Notice kind="success">{done}</Notice>}
        <ActionError error={action.error} />
      </section>
      <Recommended loaded={recommendations} />
      <Loading loaded={groups}>
        {(loaded) => {
          const items = all(loaded.items);
          return (
            <>
              <section className="card" aria-labelledby="my-groups-title">
                <h2 id="my-groups-title" className="section-title">
                  {t('groupsMine')}
                </h2>
                {items.some(joined) ? (
                  <ul className="list">
                    {items.filter(joined).map((g) => (
                      <li key={g.groupId} className="list-item">
                        <span className="list-main">
                          <strong>{g.name}</strong>
                        </span>
                        <button type="button" className="button button-secondary" disabled={action.busy} onClick={() => void toggle(g)}>
                          {t('groupsLeave', { name: g.name })}
                        </button>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t('groupsMineNone')}</p>
                )}
              </section>
              <section className="card" aria-labelledby="all-groups-title">
                <h2 id="all-groups-title" className="section-title">
                  {t('groupsAll')}
                </h2>
                {items.length === 0 ? (
                  <p>{t('groupsAllNone')}</p>
                ) : (
                  <ul className="list">
                    {items.map((g) => (
                      <li key={g.groupId} className="list-item">
                        <span className="list-main">
                          <strong>{g.name}</strong>
                          {g.description && <span> · {g.description}</span>}
                          <span> · {t('groupsMembers', { n: members(g) })}</span>
                        </span>
                        {joined(g) ? (
                          <StateTag tone="good" icon="checkCircle">
                            {t('groupsJoined')}
                          </StateTag>
                        ) : (
                          <button type="button" className="button button-primary" disabled={action.busy} onClick={() => void toggle(g)}>
                            {t('groupsJoin', { name: g.name })}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          );
        }}
      </Loading>
      <section className="card" aria-labelledby="found-group-title">
        <h2 id="found-group-title" className="section-title">
          {t('groupsFound')}
        </h2>
        <p className="hint">{t('groupsFoundHint')}</p>
        <form onSubmit={found}>
          <Field label={t('groupsName')} error={action.fieldError('name')}>
            {(p) => <input {...p} value={name} maxLength={60} onChange={(e) => setName(e.target.value)} required />}
          </Field>
          <Field label={t('groupsDescription')}>
            {(p) => <input {...p} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />}
          </Field>
          <button type="submit" className="button button-primary button-wide" disabled={action.busy || !name.trim()}>
            {t('groupsFoundSend')}
          </button>
        </form>
      </section>
    </>
  );
}

/** 精准推送: each item with its reasons in the reader's language, so a resident sees why it is here. */
function Recommended({ loaded }: { loaded: Loaded<Recommendations> }) {
  const { t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="recommended-title">
      <h2 id="recommended-title" className="section-title">
        {t('groupsRecommended')}
      </h2>
      <Loading loaded={loaded}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{t('groupsRecommendedNone')}</p>
          ) : (
            <ul className="list">
              {items.map((r) => (
                <li key={`${r.kind}:${r.id}`} className="list-item">
                  <span className="list-main">
                    {r.kind === 'topic' ? (
                      <Link to={`/resident/topics/${encodeURIComponent(r.id)}`}>{r.title}</Link>
                    ) : (
                      <strong>{r.title}</strong>
                    )}
                    <ul className="reasons">
                      {r.reasons.map((reason, i) => (
                        <li key={`${reason.code}-${i}`}>{lang === 'en' ? reason.en : reason.zh}</li>
                      ))}
                    </ul>
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}
