/**
 * Correcting a published item (更正): the kind's own form, filled with what is published, and
 * a required note saying what was wrong. Before anything is sent, a confirmation says what
 * boxes will see once the correction is reviewed and published: the corrected item marked 更正
 * with the note, and the old item kept, marked as corrected. Kinds published as one whole
 * document (the profile, the FAQ) are edited and resubmitted instead, as the service says.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Revision } from '../api';
import { messageOf } from '../components/ErrorMessage';
import { useConsole } from '../context';
import { FieldProblems } from './Field';
import { formOf } from './ItemForm';
import { problemsOf, unplaced } from './problems';

const NOTE_ID = 'correction-note';

/** What a villager reads as the item's name on the TV list. */
const nameOf = (item: Record<string, unknown>, fallback: string) =>
  String(item.title ?? item.name ?? item.question ?? fallback);

export const CorrectionForm = (props: {
  region: string;
  channel: number;
  itemId: string;
  published: Record<string, unknown>;
  onSaved: (revisions: Revision[]) => void;
}) => {
  const { t, language, refreshWaiting } = useConsole();
  const [note, setNote] = useState('');
  const [noteMissing, setNoteMissing] = useState(false);
  const [proposed, setProposed] = useState<Record<string, unknown> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const savedMessage = useRef<HTMLParagraphElement>(null);
  // The confirmation takes the focus, so the keyboard and a screen reader start there.
  useEffect(() => heading.current?.focus(), [proposed]);
  // So does the message that replaces the form once the correction is sent.
  useEffect(() => savedMessage.current?.focus(), [saved]);
  const entry = formOf(props.channel);
  if (!entry) return null;
  // Sent: the form gives way to the message, which stays while the page shows the correction waiting for review.
  if (saved) {
    return (
      <p role="status" class="status" tabIndex={-1} ref={savedMessage}>
        {t('correct.saved')}
      </p>
    );
  }
  const problems = problemsOf(error);
  const others = unplaced(problems, entry.fields);
  // The form's submit only stages the correction: nothing is sent before the confirmation.
  const stage = async (body: Record<string, unknown>) => {
    setError(null);
    setSaved(false);
    setNoteMissing(!note.trim());
    if (!note.trim()) {
      document.getElementById(NOTE_ID)?.focus();
      return false;
    }
    setProposed(body);
    return false;
  };
  const confirm = async () => {
    try {
      const revisions = await api<Revision[]>(
        'POST',
        `/regions/${props.region}/channels/${props.channel}/items/${encodeURIComponent(props.itemId)}/correction`,
        { note: note.trim(), item: proposed },
      );
      setProposed(null);
      setSaved(true);
      refreshWaiting();
      props.onSaved(revisions);
    } catch (refusal) {
      setProposed(null);
      setError(refusal);
    }
  };
  const footer = (
    <>
      {error ? (
        <div class="error" role="alert">
          <p>{messageOf(error, language, t)}</p>
          {problems.length > others.length && <p>{t('form.seeFields')}</p>}
          <FieldProblems id="correction-problems" problems={others} />
        </div>
      ) : null}
    </>
  );
  const Form = entry.form;
  return (
    <>
      <div class="field">
        <label for={NOTE_ID}>{t('correct.note')}</label>
        <p class="hint" id={`${NOTE_ID}-hint`}>
          {t('correct.noteHint')}
        </p>
        <textarea
          id={NOTE_ID}
          rows={2}
          maxLength={300}
          value={note}
          aria-describedby={`${NOTE_ID}-hint${noteMissing ? ` ${NOTE_ID}-missing` : ''}`}
          {...(noteMissing ? { 'aria-invalid': true } : {})}
          onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)}
        />
        {noteMissing && (
          <ul class="field-error" id={`${NOTE_ID}-missing`}>
            <li>{t('correct.noteMissing')}</li>
          </ul>
        )}
      </div>
      <Form current={props.published} problems={problems} save={stage} footer={footer} />
      {proposed && (
        <div class="confirm" role="group" aria-labelledby="correction-confirm-title">
          <h3 id="correction-confirm-title" tabIndex={-1} ref={heading}>
            {t('correct.confirmTitle')}
          </h3>
          <ul>
            <li>{t('correct.boxesNew', { name: nameOf(proposed, props.itemId), note: note.trim() })}</li>
            <li>{t('correct.boxesOld', { name: nameOf(props.published, props.itemId) })}</li>
            <li>{t('correct.afterReview')}</li>
          </ul>
          <button type="button" class="primary" onClick={() => void confirm()}>
            {t('correct.confirm')}
          </button>
          <button type="button" onClick={() => setProposed(null)}>
            {t('correct.cancel')}
          </button>
        </div>
      )}
    </>
  );
};
