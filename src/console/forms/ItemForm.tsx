/**
 * The edit form that fits the item's kind, and what every form shares: one PUT of the whole item
 * (the service stores it whole or refuses it whole: nothing is half-saved), the service's
 * problems shown next to their fields, the rest with the refusal, and "submitted" once stored.
 */
import { useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import { api, type Revision } from '../api';
import { messageOf } from '../components/ErrorMessage';
import { useConsole } from '../context';
import { CHANNELS } from '../../feed/taxonomy';
import type { ContentKind } from '../../feed/taxonomy';
import { FieldProblems } from './Field';
import type { KindFormProps } from './formProps';
import { problemsOf, unplaced } from './problems';
import { ArticleForm } from './ArticleForm';
import { ContactForm } from './ContactForm';
import { TableForm } from './TableForm';
import { AlertForm } from './AlertForm';
import { PeopleForm } from './PeopleForm';
import { GuideForm } from './GuideForm';
import { QaForm } from './QaForm';
import { ProfileForm } from './ProfileForm';
import { FaqForm } from './FaqForm';

const FORMS: Partial<Record<ContentKind, { form: FunctionComponent<KindFormProps>; fields: string[] }>> = {
  articles: { form: ArticleForm, fields: ['/title', '/summary', '/body', '/photos'] },
  contacts: { form: ContactForm, fields: ['/name', '/org', '/role', '/phone', '/address'] },
  tables: { form: TableForm, fields: ['/title', '/note', '/columns', '/rows'] },
  alerts: { form: AlertForm, fields: ['/level', '/title', '/body', '/issuedBy', '/expiresAt'] },
  people: { form: PeopleForm, fields: ['/name', '/role', '/duties', '/phone', '/photo'] },
  guide: { form: GuideForm, fields: ['/title', '/documents', '/place', '/hours', '/phone', '/notes'] },
  qa: { form: QaForm, fields: ['/title', '/question', '/askedBy', '/askedAt', '/department', '/answer'] },
  profile: { form: ProfileForm, fields: ['/title', '/body', '/figures'] },
  faq: { form: FaqForm, fields: ['/title', '/items'] },
};

export const kindOf = (channel: number) => CHANNELS.find((c) => c.id === channel)?.kind;

/** The form of this sub-channel's kind and the fields it shows problems under, if the console has one. */
export const formOf = (channel: number) => FORMS[kindOf(channel) ?? 'ledger'];

/** Whether the console has a form for this sub-channel's kind. */
export const hasForm = (channel: number): boolean => {
  const kind = kindOf(channel);
  return !!kind && kind in FORMS;
};

export const ItemForm = (props: {
  region: string;
  channel: number;
  itemId: string;
  current: Record<string, unknown>;
  onSaved: (revision: Revision) => void;
}) => {
  const { t, language, refreshWaiting } = useConsole();
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const entry = formOf(props.channel);
  if (!entry) return null;
  const problems = problemsOf(error);
  const others = unplaced(problems, entry.fields);
  const save = async (body: Record<string, unknown>) => {
    setError(null);
    setSaved(false);
    try {
      const revision = await api<Revision>(
        'PUT',
        `/regions/${props.region}/channels/${props.channel}/items/${encodeURIComponent(props.itemId)}`,
        body,
      );
      setSaved(true);
      refreshWaiting();
      props.onSaved(revision);
      return true;
    } catch (refusal) {
      setError(refusal);
      return false;
    }
  };
  const footer = (
    <>
      {error ? (
        <div class="error" role="alert">
          <p>{messageOf(error, language, t)}</p>
          {problems.length > others.length && <p>{t('form.seeFields')}</p>}
          <FieldProblems id="form-problems" problems={others} />
        </div>
      ) : null}
      <p role="status" class="status">
        {saved ? t('item.saved') : ''}
      </p>
    </>
  );
  const Form = entry.form;
  return <Form current={props.current} problems={problems} save={save} footer={footer} />;
};
