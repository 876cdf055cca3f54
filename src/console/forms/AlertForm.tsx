/**
 * An emergency alert: every box shows it over whatever is on screen and reads it aloud once it is
 * published, so the form asks for a confirmation, with the alert as it will read, before it
 * submits it for review.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { fromLocalInput, localInputIn } from '../chinaTime';
import { useConsole } from '../context';
import { Field } from './Field';
import type { KindFormProps } from './formProps';
import { problemsAt } from './problems';

const LEVELS = [1, 2, 3, 4] as const;

/** "2026-12-01T08:00:00+08:00" as a datetime-local value. */
const localValue = (iso: unknown) => (typeof iso === 'string' ? iso.slice(0, 16) : localInputIn(24 * 60));

export const AlertForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t } = useConsole();
  const [pending, setPending] = useState<Record<string, unknown> | null>(null);
  const review = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const expires = String(form.get('expiresAt') ?? '');
    setPending({
      level: Number(form.get('level')),
      title: String(form.get('title') ?? '').trim(),
      body: String(form.get('body') ?? '').trim(),
      issuedBy: String(form.get('issuedBy') ?? '').trim(),
      expiresAt: expires ? fromLocalInput(expires) : '',
    });
  };
  const heading = useRef<HTMLHeadingElement>(null);
  // The confirmation takes the focus, so the keyboard and a screen reader start there.
  useEffect(() => heading.current?.focus(), [pending]);
  const confirm = async () => {
    if (pending) await save(pending);
    setPending(null);
  };
  return (
    <>
      <form onSubmit={review} noValidate hidden={!!pending}>
        <Field id="alert-level" label={t('form.alertLevel')} problems={problemsAt(problems, '/level')}>
          {(aria) => (
            <select {...aria} name="level">
              {LEVELS.map((level) => (
                <option key={level} value={level} selected={level === (current.level ?? 3)}>
                  {t(`form.alertLevel${level}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="alert-title" label={t('item.fieldTitle')} problems={problemsAt(problems, '/title')}>
          {(aria) => (
            <input {...aria} name="title" required maxLength={60} defaultValue={String(current.title ?? '')} />
          )}
        </Field>
        <Field id="alert-body" label={t('form.alertBody')} problems={problemsAt(problems, '/body')}>
          {(aria) => (
            <textarea
              {...aria}
              name="body"
              required
              rows={5}
              maxLength={1000}
              defaultValue={String(current.body ?? '')}
            />
          )}
        </Field>
        <Field id="alert-issuer" label={t('form.alertIssuedBy')} problems={problemsAt(problems, '/issuedBy')}>
          {(aria) => (
            <input {...aria} name="issuedBy" required maxLength={40} defaultValue={String(current.issuedBy ?? '')} />
          )}
        </Field>
        <Field id="alert-expires" label={t('form.alertExpires')} problems={problemsAt(problems, '/expiresAt')}>
          {(aria) => (
            <input
              {...aria}
              name="expiresAt"
              type="datetime-local"
              required
              defaultValue={localValue(current.expiresAt)}
            />
          )}
        </Field>
        {footer}
        <button type="submit" class="primary">
          {t('form.alertReview')}
        </button>
      </form>
      {pending && (
        <div class="confirm" role="group" aria-labelledby="alert-confirm-heading">
          <h3 id="alert-confirm-heading" tabIndex={-1} ref={heading}>
            {t('form.alertConfirmTitle')}
          </h3>
          <p>{t('form.alertConfirmText')}</p>
          <dl>
            <dt>{t('form.alertLevel')}</dt>
            <dd>{t(`form.alertLevel${pending.level as 1 | 2 | 3 | 4}`)}</dd>
            <dt>{t('item.fieldTitle')}</dt>
            <dd>{String(pending.title)}</dd>
            <dt>{t('form.alertBody')}</dt>
            <dd>{String(pending.body)}</dd>
            <dt>{t('form.alertIssuedBy')}</dt>
            <dd>{String(pending.issuedBy)}</dd>
            <dt>{t('form.alertExpires')}</dt>
            <dd>{String(pending.expiresAt).replace('T', ' ').slice(0, 16)}</dd>
          </dl>
          <button type="button" class="primary" onClick={() => void confirm()}>
            {t('form.alertConfirm')}
          </button>
          <button type="button" onClick={() => setPending(null)}>
            {t('form.alertBack')}
          </button>
        </div>
      )}
    </>
  );
};
