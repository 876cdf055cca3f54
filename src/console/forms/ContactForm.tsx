/** A contact of the street's address book: a work number, shown in full on the TV. */
import { useConsole } from '../context';
import { Field } from './Field';
import type { KindFormProps } from './formProps';
import { problemsAt } from './problems';

const FIELDS = [
  { name: 'name', label: 'form.contactName', max: 40, required: true },
  { name: 'org', label: 'form.contactOrg', max: 60, required: true },
  { name: 'role', label: 'form.contactRole', max: 40, required: true },
  { name: 'phone', label: 'form.contactPhone', max: 20, required: true },
  { name: 'address', label: 'form.contactAddress', max: 80, required: false },
] as const;

export const ContactForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t } = useConsole();
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body: Record<string, string> = {};
    for (const { name } of FIELDS) {
      const value = String(form.get(name) ?? '').trim();
      if (value) body[name] = value;
    }
    void save(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      {FIELDS.map((f) => (
        <Field key={f.name} id={`contact-${f.name}`} label={t(f.label)} problems={problemsAt(problems, `/${f.name}`)}>
          {(aria) => (
            <input
              {...aria}
              name={f.name}
              required={f.required}
              maxLength={f.max}
              inputMode={f.name === 'phone' ? 'tel' : 'text'}
              defaultValue={String(current[f.name] ?? '')}
            />
          )}
        </Field>
      ))}
      {footer}
      <button type="submit" class="primary">
        {t('item.submit')}
      </button>
    </form>
  );
};
