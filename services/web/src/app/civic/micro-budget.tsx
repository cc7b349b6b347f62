import { ProposalForm } from '../proposal-form';
import { useState, type FormEvent } from 'react';
import { ApiError, useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { cityDate } from '../city-time';
import { useI18n } from '../i18n';
import { ActionError, Loading, Notice, PageTitle, useAction } from '../ui';
import { StateTag, useCommunityId, useKeyed } from './civic';

type Budget = AnswerOf<'/api/deliberation/budgets/{communityId}/{year}'>;

/** 民生微实事: the year's pool, ordering a need, and a ballot that must fit in the budget. */
export function MicroBudget() {
  const { t, dateTime } = useI18n();
  const keyed = useKeyed();
  const communityId = useCommunityId();
  const year = Number(cityDate(new Date()).slice(0, 4));
  const budget = useApiQuery('/api/deliberation/budgets/{communityId}/{year}', { path: { communityId, year: String(year) } });
  const notOpen = budget.error instanceof ApiError && budget.error.status === 404;
  return (
    <>
      <section className="card">
        <PageTitle>{t('budgetTitle')}</PageTitle>
        <p className="lead">{t('budgetIntro')}</p>
        {notOpen ? (
          <Notice kind="info">{t('budgetNone')}</Notice>
        ) : (
          <Loading loaded={budget}>
            {(data) => (
              <dl className="figures">
                <div className="figure">
                  <dt>{t('budgetPool')}</dt>
                  <dd>{t('yuan', { n: data.amountYuan.toLocaleString('zh-CN') })}</dd>
                </div>
                <div className="figure">
                  <dt>{t('budgetStatus')}</dt>
                  <dd>
                    {keyed('budgetStatus_', data.status)}
                    {data.voting && data.status === 'Voting' && <span className="muted"> · {dateTime(data.voting.closesAt)}</span>}
                  </dd>
                </div>
              </dl>
            )}
          </Loading>
        )}
      </section>
      {budget.data && (
        <>
          {budget.data.status === 'Voting' && <BudgetBallot budget={budget.data} />}
          <section className="card" aria-labelledby="needs-title">
            <h2 id="needs-title" className="section-title">
              {t('budgetNeeds')}
            </h2>
            {budget.data.needs.length === 0 ? (
              <p>{t('budgetNeedsEmpty')}</p>
            ) : (
              <ul className="list">
                {budget.data.needs.map((need) => (
                  <li key={need.needId} className="list-item">
                    <span className="list-main">
                      <strong>{need.title}</strong>
                      <span>{need.description}</span>
                    </span>
                    {need.projectId && (
                      <StateTag tone="good" icon="link">
                        {t('budgetMatched')}
                      </StateTag>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {budget.data.projects.length > 0 && budget.data.status !== 'Voting' && (
            <section className="card" aria-labelledby="candidates-title">
              <h2 id="candidates-title" className="section-title">
                {t('budgetCandidates')}
              </h2>
              <ul className="list">
                {budget.data.projects.map((p) => (
                  <li key={p.projectId} className="list-item">
                    <span className="list-main">
                      <strong>{p.title}</strong>
                      <span>
                        {t('budgetCost', { cost: p.costYuan.toLocaleString('zh-CN') })} · {t('budgetProvider')}：{p.provider}
                        {p.votes !== null && ` · ${t('budgetVotes', { n: p.votes })}`}
                      </span>
                    </span>
                    <span className="pill">{keyed('projectStatus_', p.status)}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {budget.data.status === 'Ordering' && <OrderNeed budget={budget.data} onOrdered={budget.reload} />}
        </>
      )}
    </>
  );
}

function OrderNeed({ budget, onOrdered }: { budget: Budget; onOrdered: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const path = `/api/deliberation/budgets/${encodeURIComponent(budget.communityId)}/${budget.year}/needs`;
  return (
    <ProposalForm
      id="order"
      heading={t('budgetOrder')}
      titleLabel={t('needTitle')}
      descriptionLabel={t('civicNeedDescription')}
      successText={t('ordered')}
      sendText={t('orderSend')}
      post={(proposal) => api.send('POST', path, proposal)}
      onPosted={onOrdered}
    />
  );
}

function BudgetBallot({ budget }: { budget: Budget }) {
  const { t } = useI18n();
  const api = useApi();
  const action = useAction();
  const [chosen, setChosen] = useState<string[]>([]);
  const [voted, setVoted] = useState(false);
  const candidates = budget.projects.filter((p) => p.status === 'candidate');
  const sum = candidates.filter((p) => chosen.includes(p.projectId)).reduce((s, p) => s + p.costYuan, 0);
  const knapsack = budget.voting?.method !== 'approval';
  const over = knapsack ? sum - budget.amountYuan : 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setVoted(false);
    const path = `/api/deliberation/budgets/${encodeURIComponent(budget.communityId)}/${budget.year}/ballot`;
    setVoted(await action.run(() => api.send('PUT', path, { projectIds: chosen })));
  };
  return (
    <section className="card" aria-labelledby="ballot-title">
      <h2 id="ballot-title" className="section-title">
        {t('budgetCandidates')}
      </h2>
      <form onSubmit={submit}>
        <fieldset className="fieldset">
          <legend>{t('budgetVote')}</legend>
          <div className="choices">
            {candidates.map((p) => (
              <label key={p.projectId} className={`choice ${chosen.includes(p.projectId) ? 'is-chosen' : ''}`}>
                <input
                  type="checkbox"
                  checked={chosen.includes(p.projectId)}
                  onChange={(e) => setChosen(e.target.checked ? [...chosen, p.projectId] : chosen.filter((id) => id !== p.projectId))}
                />
                <span>
                  {p.title} · {t('budgetCost', { cost: p.costYuan.toLocaleString('zh-CN') })}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <p aria-live="polite">
          {t('budgetSelected', { sum: sum.toLocaleString('zh-CN'), pool: budget.amountYuan.toLocaleString('zh-CN') })}
        </p>
        {over > 0 && <Notice kind="error">{t('budgetOver', { over: over.toLocaleString('zh-CN') })}</Notice>}
        {voted && <Notice kind="success">{t('budgetVoted')}</Notice>}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || chosen.length === 0 || over > 0}>
          {t('budgetVoteSend')}
        </button>
      </form>
    </section>
  );
}
