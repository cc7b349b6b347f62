import { useEffect, useState } from 'react';
import { useApi, type Role } from '../api';
import type { AnswerOf } from '../api-client';
import { useI18n, type MessageKey } from '../i18n';
import { Field } from '../ui';

/** `GET /api/auth/people`: a person of the reader's own patch, as a picker shows them (no username, no phone). */
export type PersonMatch = AnswerOf<'/api/auth/people'>['items'][number];

const ROLE_WORDS: Record<Role, MessageKey> = {
  resident: 'roleResident',
  grid_worker: 'roleGridWorker',
  community_officer: 'roleCommunityOfficer',
  street_officer: 'roleStreetOfficer',
  department_staff: 'roleDepartmentStaff',
  supervisor: 'roleSupervisor',
  admin: 'roleAdmin',
  evaluator: 'roleEvaluator',
};

/** Long enough that typing a name does not ask the server at every keystroke. */
const PAUSE_MS = 300;

/**
 * Asks for a person by name, never by account number: the reader types a name, chooses one of the people of
 * their own community the server finds, and the form gets that person's id. `kind` narrows to residents or staff.
 */
export function PersonPicker({
  label,
  kind,
  value,
  onChange,
  error,
}: {
  label: string;
  kind?: 'resident' | 'staff';
  value: PersonMatch | null;
  onChange: (person: PersonMatch | null) => void;
  error?: string | null;
}) {
  const { t } = useI18n();
  const api = useApi();
  const [text, setText] = useState('');
  const [found, setFound] = useState<{ for: string; people: readonly PersonMatch[] } | null>(null);
  const wanted = text.trim();

  useEffect(() => {
    if (!wanted || value) return;
    let live = true;
    const timer = setTimeout(() => {
      const query = new URLSearchParams({ name: wanted, ...(kind ? { kind } : {}) });
      api.get<AnswerOf<'/api/auth/people'>>(`/api/auth/people?${query.toString()}`).then(
        (answer) => live && setFound({ for: wanted, people: answer.items }),
        () => live && setFound({ for: wanted, people: [] }),
      );
    }, PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `api` changes with every token refresh; only the words typed decide a new search.
  }, [wanted, kind, value]);

  const who = (person: PersonMatch) => `${person.displayName} · ${t(ROLE_WORDS[person.role] ?? 'roleResident')}`;

  if (value) {
    return (
      <fieldset className="fieldset">
        <legend>{label}</legend>
        <p role="status">{t('personChosen', { name: who(value) })}</p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setText('');
            setFound(null);
            onChange(null);
          }}
        >
          {t('personChange')}
        </button>
      </fieldset>
    );
  }

  const current = found && found.for === wanted ? found.people : null;
  return (
    <>
      <Field label={label} hint={t('personSearchHint')} error={error}>
        {(p) => <input {...p} type="search" value={text} maxLength={50} autoComplete="off" onChange={(e) => setText(e.target.value)} />}
      </Field>
      {wanted && (
        <div className="person-matches">
          <p role="status" className="hint">
            {current === null
              ? t('personSearching')
              : current.length === 0
                ? t('personNoMatch')
                : t('personMatches', { count: current.length })}
          </p>
          {current && current.length > 0 && (
            <ul className="person-match-list">
              {current.map((person) => (
                <li key={person.id}>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t('personPick', { name: who(person) })}
                    onClick={() => onChange(person)}
                  >
                    {who(person)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
