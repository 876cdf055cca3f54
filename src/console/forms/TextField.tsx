/** A labelled one-line or multi-line text input for one field of the item, with the service's problems under it. */
import { Field } from './Field';
import type { Problem } from '../api';
import { problemsAt } from './problems';

export const TextField = (props: {
  form: string;
  name: string;
  label: string;
  max: number;
  value: unknown;
  problems: Problem[];
  optional?: boolean;
  rows?: number;
  hint?: string;
  type?: 'text' | 'tel' | 'datetime-local';
}) => (
  <Field
    id={`${props.form}-${props.name}`}
    label={props.label}
    problems={problemsAt(props.problems, `/${props.name}`)}
    {...(props.hint ? { hint: props.hint } : {})}
  >
    {(aria) =>
      props.rows ? (
        <textarea
          {...aria}
          name={props.name}
          required={!props.optional}
          rows={props.rows}
          maxLength={props.max}
          defaultValue={props.value == null ? '' : String(props.value)}
        />
      ) : props.type === 'datetime-local' ? (
        <input
          {...aria}
          name={props.name}
          type="datetime-local"
          required={!props.optional}
          defaultValue={props.value == null ? '' : String(props.value)}
        />
      ) : (
        <input
          {...aria}
          name={props.name}
          required={!props.optional}
          maxLength={props.max}
          inputMode={props.type === 'tel' ? 'tel' : 'text'}
          defaultValue={props.value == null ? '' : String(props.value)}
        />
      )
    }
  </Field>
);

/** The form's text fields by name, trimmed; empty optional ones left out. */
export const readFields = (form: HTMLFormElement, names: readonly string[], optional: readonly string[] = []) => {
  const data = new FormData(form);
  const body: Record<string, string> = {};
  for (const name of names) {
    const value = String(data.get(name) ?? '').trim();
    if (value || !optional.includes(name)) body[name] = value;
  }
  return body;
};

/** Lines of a textarea, blank ones dropped. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
