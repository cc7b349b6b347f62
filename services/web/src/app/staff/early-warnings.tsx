import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { Loading, PageTitle } from '../ui';
import { WARNING_KIND } from './strings';

/** 预警: what the platform saw coming, each with its reason in the reader's language. */
export function EarlyWarnings() {
  const { t, name, dateTime, lang } = useI18n();
  const api = useApi();
  const warnings = useApiQuery('/api/department-dispatch/early-warnings', api.principal ? {} : null);
  return (
    <section className="card">
      <PageTitle>{t('warningsTitle')}</PageTitle>
      <p className="muted">{t('warningsIntro')}</p>
      <Loading loaded={warnings}>
        {(data) =>
          data.warnings.length === 0 ? (
            <p>{t('warningsEmpty')}</p>
          ) : (
            <ul className="list">
              {data.warnings.map((w) => (
                <li key={w.warningId} className="work-item">
                  <div className="work-head">
                    <strong>{name(WARNING_KIND[w.kind], w.kind)}</strong>
                    <span className="muted">
                      {t('warningRaisedAt')} {dateTime(w.raisedAt)}
                    </span>
                  </div>
                  <p>{lang === 'en' ? w.reason.en : w.reason.zh}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loading>
    </section>
  );
}
