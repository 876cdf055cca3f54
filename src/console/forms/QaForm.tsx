/** A villager's question and the answer (村民问答): who asked and when, the department that answers, the answer. */
import { useConsole } from '../context';
import { fromLocalInput, localInputIn } from '../chinaTime';
import type { KindFormProps } from './formProps';
import { readFields, TextField } from './TextField';

const OPTIONAL = ['askedBy', 'department', 'answer'];

export const QaForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t } = useConsole();
  const submit = (event: Event) => {
    event.preventDefault();
    const fields = readFields(
      event.currentTarget as HTMLFormElement,
      ['title', 'question', 'askedBy', 'askedAt', 'department', 'answer'],
      OPTIONAL,
    );
    void save({
      ...fields,
      askedAt: fields.askedAt ? fromLocalInput(fields.askedAt) : '',
      // The answer is dated when it is first given, and keeps that date after.
      ...(fields.answer
        ? { answeredAt: (current.answeredAt as string | undefined) ?? fromLocalInput(localInputIn(0)) }
        : {}),
    });
  };
  const field = { form: 'qa', problems };
  const askedAt = typeof current.askedAt === 'string' ? current.askedAt.slice(0, 16) : localInputIn(0);
  return (
    <form onSubmit={submit} noValidate>
      <TextField {...field} name="title" label={t('form.qaTitle')} max={80} value={current.title} />
      <TextField {...field} name="question" label={t('form.qaQuestion')} max={1000} rows={4} value={current.question} />
      <TextField {...field} name="askedBy" label={t('form.qaAskedBy')} max={20} optional value={current.askedBy} />
      <TextField {...field} name="askedAt" label={t('form.qaAskedAt')} max={20} type="datetime-local" value={askedAt} />
      <TextField
        {...field}
        name="department"
        label={t('form.qaDepartment')}
        max={40}
        optional
        value={current.department}
      />
      <TextField
        {...field}
        name="answer"
        label={t('form.qaAnswer')}
        max={2000}
        rows={5}
        optional
        value={current.answer}
      />
      {footer}
      <button type="submit" class="primary">
        {t('item.submit')}
      </button>
    </form>
  );
};
