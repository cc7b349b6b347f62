import type { Loaded } from '../api';
import type { AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { Loading } from '../ui';
import { useKeyed, yuan } from './civic';

/** Both sides of the ledger in one list, oldest first, each with the fund's balance after it. */
export type Ledger = AnswerOf<'/api/co-building/fund/{communityId}/ledger'>;

/** The community fund's public ledger: every income split between the team and the fund, with the running balance. */
export function FundLedger({ ledger }: { ledger: Loaded<Ledger> }) {
  const { t, dateTime } = useI18n();
  const keyed = useKeyed();
  return (
    <section className="card" aria-labelledby="fund-title">
      <h2 id="fund-title" className="section-title">
        {t('fundTitle')}
      </h2>
      <p className="muted">{t('fundIntro')}</p>
      <Loading loaded={ledger}>
        {(data) => (
          <>
            <dl className="figures">
              <div className="figure">
                <dt>{t('fundBalance')}</dt>
                <dd>{t('yuan', { n: yuan(data.balanceFen) })}</dd>
              </div>
            </dl>
            {data.entries.length === 0 ? (
              <p>{t('fundEmpty')}</p>
            ) : (
              <div className="table-scroll" role="region" aria-labelledby="fund-title" tabIndex={0}>
                <table className="table">
                  <caption className="visually-hidden">{t('fundTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('fundWhen')}</th>
                      <th scope="col">{t('fundProject')}</th>
                      <th scope="col">{t('fundWhat')}</th>
                      <th scope="col">{t('fundAmount')}</th>
                      <th scope="col">{t('fundTeamShare')}</th>
                      <th scope="col">{t('fundFundShare')}</th>
                      <th scope="col">{t('fundRunning')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.entries.map((e) =>
                      e.kind === 'spending' ? (
                        <tr key={`spending-${e.spendingId}`} className="ledger-spending">
                          <td>{dateTime(e.recordedAt)}</td>
                          <th scope="row">{t('fundSpending')}</th>
                          <td>{e.purpose}</td>
                          <td>−{yuan(e.amountFen)}</td>
                          <td>{t('none')}</td>
                          <td>−{yuan(e.amountFen)}</td>
                          <td>{yuan(e.balanceFen)}</td>
                        </tr>
                      ) : (
                        <tr key={`income-${e.incomeId}`}>
                          <td>{dateTime(e.recordedAt)}</td>
                          <th scope="row">{e.projectTitle}</th>
                          <td>
                            {keyed('income_', e.source)} · {e.description}
                          </td>
                          <td>{yuan(e.amountFen)}</td>
                          <td>
                            {yuan(e.teamShareFen)}（{e.teamSharePercent}%）
                          </td>
                          <td>
                            {yuan(e.fundShareFen)}（{100 - e.teamSharePercent}%）
                          </td>
                          <td>{yuan(e.balanceFen)}</td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Loading>
    </section>
  );
}
