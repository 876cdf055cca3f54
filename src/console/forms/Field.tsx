/** One labelled input with its hint and, right under it, what the service said is wrong with it. */
import type { ComponentChildren } from 'preact';
import type { Problem } from '../api';
import { useConsole } from '../context';

export interface FieldAria {
  id: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}

export const FieldProblems = (props: { id: string; problems: Problem[] }) => {
  const { language } = useConsole();
  if (!props.problems.length) return null;
  return (
    <ul class="field-error" id={props.id}>
      {props.problems.map((p, i) => (
        <li key={i}>{language === 'en' ? p.en : p.zh}</li>
      ))}
    </ul>
  );
};

export const Field = (props: {
  id: string;
  label: string;
  problems: Problem[];
  hint?: string;
  children: (aria: FieldAria) => ComponentChildren;
}) => {
  const { id, problems, hint } = props;
  const describedBy = [hint ? `${id}-hint` : '', problems.length ? `${id}-problems` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {props.children({
        id,
        ...(problems.length ? { 'aria-invalid': true } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      <FieldProblems id={`${id}-problems`} problems={problems} />
    </div>
  );
};
