/** A service guide card (办事指南): what to bring, where, when, and the office's public phone. */
import { useConsole } from '../context';
import type { KindFormProps } from './formProps';
import { lines, readFields, TextField } from './TextField';

export const GuideForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t } = useConsole();
  const submit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const { documents, ...fields } = readFields(
      form,
      ['title', 'documents', 'place', 'hours', 'phone', 'notes'],
      ['notes'],
    );
    void save({ ...fields, documents: lines(documents ?? '') });
  };
  const field = { form: 'guide', problems };
  return (
    <form onSubmit={submit} noValidate>
      <TextField {...field} name="title" label={t('form.guideTitle')} max={40} value={current.title} />
      <TextField
        {...field}
        name="documents"
        label={t('form.guideDocuments')}
        hint={t('form.oneALine')}
        max={2000}
        rows={5}
        value={((current.documents as string[] | undefined) ?? []).join('\n')}
      />
      <TextField {...field} name="place" label={t('form.guidePlace')} max={80} value={current.place} />
      <TextField {...field} name="hours" label={t('form.guideHours')} max={60} value={current.hours} />
      <TextField {...field} name="phone" label={t('form.guidePhone')} max={20} type="tel" value={current.phone} />
      <TextField
        {...field}
        name="notes"
        label={t('form.guideNotes')}
        max={400}
        rows={3}
        optional
        value={current.notes}
      />
      {footer}
      <button type="submit" class="primary">
        {t('item.submit')}
      </button>
    </form>
  );
};
