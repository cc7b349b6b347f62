import { useI18n } from '../i18n';
import { PersonPicker, type PersonMatch } from '../people/person-picker';

/** The jury of an idea contest, picked by name (staff or residents of the reader's patch), never typed as account ids. */
export function JurorsField({
  jurors,
  onChange,
  error,
}: {
  jurors: readonly PersonMatch[];
  onChange: (jurors: PersonMatch[]) => void;
  error?: string | null;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend>{t('contestJurors')}</legend>
      {jurors.length === 0 ? (
        <p className="hint">{t('contestJurorsNone')}</p>
      ) : (
        <ul className="list">
          {jurors.map((juror) => (
            <li key={juror.id} className="list-item">
              <span className="list-main">{juror.displayName}</span>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('contestJurorRemove', { name: juror.displayName })}
                onClick={() => onChange(jurors.filter((j) => j.id !== juror.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonPicker
        label={t('contestJurorAdd')}
        value={null}
        error={error}
        onChange={(person) => person && !jurors.some((j) => j.id === person.id) && onChange([...jurors, person])}
      />
    </fieldset>
  );
}
