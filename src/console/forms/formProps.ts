/** What every kind's form is given by ItemForm.tsx. */
import type { ComponentChildren } from 'preact';
import type { Problem } from '../api';

export interface KindFormProps {
  /** The item as it stands (the pending draft, else the published item), or {} for a new one. */
  current: Record<string, unknown>;
  problems: Problem[];
  /** Stores the whole item; true once the service has taken it. */
  save: (body: Record<string, unknown>) => Promise<boolean>;
  /** The refusal and the submitted note, put by each form before its submit button. */
  footer: ComponentChildren;
}
