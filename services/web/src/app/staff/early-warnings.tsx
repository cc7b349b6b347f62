import { useApi, useLoad } from '../api';
import { useI18n } from '../i18n';
import { Loading, PageTitle } from '../ui';
import { WARNING_KIND } from './strings';

interface EarlyWarning {
  warningId: string;
  kind: string;
  raisedAt: string;
  reason: { zh: string; en: string };
}

/** 预警: what the platform saw coming, each with its reason in the reader's language. */
export function EarlyWarnings() {
  const { t, name, dateTime, lang } = useI18n();
  const api = useApi();
  const warnings = useLoad<{ warnings: EarlyWarning[] }>(api.principal ? '/api/department-dispatch/early-warnings' : null);
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
