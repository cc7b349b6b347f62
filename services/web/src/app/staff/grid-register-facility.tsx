import { useApi } from '../api';
import { useApiQuery, type AnswerOf } from '../api-client';
import { useI18n } from '../i18n';
import { useCategoryNames } from '../resident/my-cases';
import { Link } from '../router';
import { CaseStatus, Loading, PageTitle } from '../ui';
import { FACILITY_CONDITION, FACILITY_FIELD, FACILITY_KIND } from './grid-register.strings';

// One facility of the grid register: the cases that name it, and who changed what on it, and when.

type AuditEntry = AnswerOf<'/api/grids/{gridId}/base-records/{recordId}'>['history'][number];

export function FacilityPage({ gridId, facilityId }: { gridId: string; facilityId: string }) {
  const { t, dateTime, name } = useI18n();
  const api = useApi();
  const categoryName = useCategoryNames();
  const cases = useApiQuery('/api/grids/{gridId}/facilities/{facilityId}/cases', { path: { gridId, facilityId } });
  const entry = useApiQuery('/api/grids/{gridId}/base-records/{recordId}', { path: { gridId, recordId: facilityId } });
  const value = (field: string, v: unknown) =>
    v === null || v === undefined
      ? '—'
      : field === 'condition'
        ? name(FACILITY_CONDITION[String(v)], String(v))
        : field === 'facilityKind'
          ? name(FACILITY_KIND[String(v)], String(v))
          : String(v);
  const what = (h: AuditEntry) =>
    h.action === 'retired'
      ? t('historyRetired', { reason: h.reason ?? '' })
      : `${h.action === 'registered' ? t('historyRegistered') : t('historyAmended')}：` +
        h.changes
          .filter((c) => h.action === 'amended' || c.to !== null)
          .map((c) => {
            const field = name(FACILITY_FIELD[c.field], c.field);
            return h.action === 'amended'
              ? `${field} ${value(c.field, c.from)} → ${value(c.field, c.to)}`
              : `${field} ${value(c.field, c.to)}`;
          })
          .join('；');
  return (
    <>
      <section className="card">
        <Link to="/staff/register">{t('backToRegister')}</Link>
        <Loading loaded={cases}>
          {(data) => (
            <>
              <PageTitle>{data.label}</PageTitle>
              <h2 className="section-title">{t('facilityCasesTitle')}</h2>
              {data.cases.length === 0 ? (
                <p>{t('facilityCasesEmpty')}</p>
              ) : (
                <ul className="list">
                  {data.cases.map((c) => (
                    <li key={c.caseId} className="work-item">
                      <div className="work-head">
                        <strong>{categoryName(c.categoryCode)}</strong>
                        <CaseStatus status={c.status} />
                      </div>
                      <p>{c.description}</p>
                      <p className="muted">{dateTime(c.reportedAt)}</p>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </Loading>
      </section>
      <section className="card" aria-labelledby="facility-history-title">
        <h2 id="facility-history-title" className="section-title">
          {t('facilityHistory')}
        </h2>
        <Loading loaded={entry}>
          {(data) => (
            <table className="table">
              <caption className="visually-hidden">{t('facilityHistory')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('facilityHistoryAt')}</th>
                  <th scope="col">{t('facilityHistoryBy')}</th>
                  <th scope="col">{t('facilityHistoryWhat')}</th>
                </tr>
              </thead>
              <tbody>
                {data.history.map((h, i) => (
                  <tr key={i}>
                    <td>{dateTime(h.at)}</td>
                    <td>{h.by === api.principal?.subject ? `${api.principal?.displayName}` : (h.by ?? '—')}</td>
                    <td>{what(h)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Loading>
      </section>
    </>
  );
}
