import { useApi } from '../api';
import { useApiQuery } from '../api-client';
import { useI18n } from '../i18n';
import { WARNING_KIND } from '../staff/strings';
import { Icon } from '../icons';
import { Loading } from '../ui';

/** The roles the early-warnings API answers; a public wall (no one signed in) shows no warnings rather than an error. */
const STAFF = ['grid_worker', 'community_officer', 'street_officer', 'department_staff', 'supervisor', 'admin'];

/** The wall fits one screen and never scrolls: it shows the newest warning and how many more; the staff console lists them all. */
const ON_THE_WALL = 1;

/** 预警 on the wall screen: what the platform sees coming in the viewer's remit, each with its reason in plain words. */
export function WallWarnings() {
  const { t, name, dateTime, lang } = useI18n();
  const api = useApi();
  const staff = api.principal?.roles.some((role) => STAFF.includes(role)) ?? false;
  // New cases and assignments are what raise warnings: the wall reloads them as case figures move.
  const warnings = useApiQuery('/api/department-dispatch/early-warnings', staff ? {} : null);
  if (!staff) return null;
  return (
    <section className="wall-panel" aria-labelledby="wall-warnings-title">
      <h2 className="section-title" id="wall-warnings-title">
        {t('wallWarnings')}
      </h2>
      <Loading loaded={warnings}>
        {(data) =>
          data.warnings.length === 0 ? (
            <p className="wall-warnings-empty">{t('warningsEmpty')}</p>
          ) : (
            <>
              <ul className="wall-warnings">
                {data.warnings.slice(0, ON_THE_WALL).map((w) => (
                  <li key={w.warningId}>
                    <strong>
                      <Icon name="alert" /> {name(WARNING_KIND[w.kind], w.kind)}
                    </strong>{' '}
                    <span className="muted">{dateTime(w.raisedAt)}</span>
                    <p>{lang === 'en' ? w.reason.en : w.reason.zh}</p>
                  </li>
                ))}
              </ul>
              {data.warnings.length > ON_THE_WALL && (
                <p className="muted">{t('wallWarningsMore', { count: data.warnings.length - ON_THE_WALL })}</p>
              )}
            </>
          )
        }
      </Loading>
    </section>
  );
}
