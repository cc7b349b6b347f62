import { useState, type FormEvent } from 'react';
import { useI18n } from './i18n';
import { ActionError, Field, Notice, useAction } from './ui';

export interface Proposal {
  readonly title: string;
  readonly description: string;
  readonly anonymous: boolean;
}

/**
 * A title, a few lines and "anonymous in public": how residents put a topic to the council or order a
 * need for the micro-budget. `post` sends it; the texts say what is being proposed.
 */
export function ProposalForm(props: {
  id: string;
  heading: string;
  titleLabel: string;
  descriptionLabel: string;
  successText: string;
  sendText: string;
  post: (proposal: Proposal) => Promise<unknown>;
  onPosted: () => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    if (await action.run(() => props.post({ title: title.trim(), description: description.trim(), anonymous }))) {
      setDone(true);
      setTitle('');
      setDescription('');
      props.onPosted();
    }
  };
  return (
    <section className="card" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`} className="section-title">
        {props.heading}
      </h2>
      <form onSubmit={submit}>
        <Field label={props.titleLabel}>
          {(p) => <input {...p} value={title} maxLength={100} onChange={(e) => setTitle(e.target.value)} required />}
        </Field>
        <Field label={props.descriptionLabel}>
          {(p) => (
            <textarea {...p} rows={3} value={description} maxLength={2000} onChange={(e) => setDescription(e.target.value)} required />
          )}
        </Field>
        <div className="check">
          <input id={`${props.id}-anonymous`} type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          <label htmlFor={`${props.id}-anonymous`}>{t('anonymous')}</label>
        </div>
        {done && <Notice kind="success">{props.successText}</Notice>}
        <ActionError error={action.error} />
        <button type="submit" className="button button-primary button-wide" disabled={action.busy || !title.trim() || !description.trim()}>
          {props.sendText}
        </button>
      </form>
    </section>
  );
}
