/**
 * Villagers' questions (我要提问) and the answer loop: each question with its status and its
 * 10-working-day reply clock (overdue in red); accept it (who is responsible, by when), answer
 * it (optionally in public, in 20 村民问答, the asker anonymised), or answer that the item was
 * corrected, with a link to the corrected item (已更正). The service checks every rule again.
 */
import { useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { useConsole } from '../context';
import { Field } from '../forms/Field';
import { itemHref } from '../router';
import type { Waiting } from '../waiting';
import { DAY_MS, isOpenQuestion, type AnsweredQuestion, type Question } from './types';

const CORRECTED_ITEM = /^([0-9]{12})\/([0-9]{1,2})\/([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** A link to an item named region/channel/item, as the service stores it. */
const ItemLink = (props: { item: string; label: string }) => {
  const parts = CORRECTED_ITEM.exec(props.item);
  return parts ? (
    <a href={itemHref(parts[1]!, Number(parts[2]), parts[3]!)}>
      {props.label}：{props.item}
    </a>
  ) : (
    <span>
      {props.label}：{props.item}
    </span>
  );
};

/** The reply clock: days left until the due date, or overdue in red. */
export const ReplyClock = (props: { question: Question; now: number }) => {
  const { t } = useConsole();
  const { question } = props;
  const date = question.dueAt.slice(0, 10);
  if (!isOpenQuestion(question)) return null;
  if (question.overdue) return <strong class="clock late">{t('questions.overdue', { date })}</strong>;
  const days = Math.max(0, Math.ceil((Date.parse(question.dueAt) - props.now) / DAY_MS));
  return <span class="clock">{t('questions.daysLeft', { date, days })}</span>;
};

const text = (form: HTMLFormElement, name: string) => String(new FormData(form).get(name) ?? '').trim();
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const AcceptForm = (props: { question: Question; onDone: (message: string) => void }) => {
  const { t, language } = useConsole();
  const { id } = props.question;
  const [missing, setMissing] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const body = {
      responsible: text(form, 'responsible'),
      expectedAt: text(form, 'expectedAt'),
      notes: text(form, 'notes'),
    };
    const empty = (['responsible', 'expectedAt'] as const).filter((name) => !body[name]);
    setMissing(empty);
    setError(null);
    if (empty.length) return;
    try {
      await api('POST', `/questions/${id}/accept`, body.notes ? body : { ...body, notes: undefined });
      props.onDone(t('questions.accepted', { id }));
    } catch (refusal) {
      setError(refusal);
    }
  };
  const required = (name: string) =>
    missing.includes(name) ? [{ zh: t('questions.required'), en: t('questions.required') }] : [];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field id={`responsible-${id}`} label={t('questions.responsible')} problems={required('responsible')}>
        {(aria) => <input {...aria} name="responsible" maxLength={40} required />}
      </Field>
      <Field id={`expected-${id}`} label={t('questions.expectedAt')} problems={required('expectedAt')}>
        {(aria) => (
          <input
            {...aria}
            name="expectedAt"
            type="date"
            min={today()}
            max={props.question.dueAt.slice(0, 10)}
            required
          />
        )}
      </Field>
      <Field id={`notes-${id}`} label={t('questions.notes')} problems={[]}>
        {(aria) => <input {...aria} name="notes" maxLength={200} />}
      </Field>
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      <button type="submit" class="primary">
        {t('questions.accept')}
      </button>
    </form>
  );
};

const AnswerForm = (props: { question: Question; onDone: (message: string) => void }) => {
  const { t, language } = useConsole();
  const { id } = props.question;
  const [problems, setProblems] = useState<{ text?: string; correctedItem?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const answer = text(form, 'text');
    const corrected = text(form, 'correctedItem');
    const found = {
      ...(answer ? {} : { text: t('questions.required') }),
      ...(corrected && !CORRECTED_ITEM.test(corrected) ? { correctedItem: t('questions.badItem') } : {}),
    };
    setProblems(found);
    setError(null);
    if (Object.keys(found).length) return;
    try {
      const answered = await api<AnsweredQuestion>('POST', `/questions/${id}/answer`, {
        text: answer,
        public: new FormData(form).get('public') === 'on',
        ...(corrected ? { correctedItem: corrected } : {}),
      });
      props.onDone(t(answered.publicDraft ? 'questions.answeredPublic' : 'questions.answered', { id }));
    } catch (refusal) {
      setError(refusal);
    }
  };
  const shown = (message: string | undefined) => (message ? [{ zh: message, en: message }] : []);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field
        id={`answer-${id}`}
        label={t('questions.answerText')}
        hint={t('questions.answerHint')}
        problems={shown(problems.text)}
      >
        {(aria) => <textarea {...aria} name="text" rows={4} maxLength={2000} required />}
      </Field>
      <div class="check">
        <input id={`public-${id}`} name="public" type="checkbox" />
        <label for={`public-${id}`}>{t('questions.public')}</label>
      </div>
      <Field
        id={`corrected-${id}`}
        label={t('questions.corrected')}
        hint={t('questions.correctedHint')}
        problems={shown(problems.correctedItem)}
      >
        {(aria) => <input {...aria} name="correctedItem" maxLength={80} spellcheck={false} />}
      </Field>
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      <button type="submit" class="primary">
        {t('questions.send')}
      </button>
    </form>
  );
};

const QuestionCard = (props: { question: Question; now: number; onDone: (message: string) => void }) => {
  const { t, session, regions } = useConsole();
  const { question } = props;
  const [open, setOpen] = useState<'accept' | 'answer' | null>(null);
  const headingId = `question-${question.id}`;
  const { subject } = question;
  const answers = session.operator.role !== 'committee' && isOpenQuestion(question);
  return (
    <li
      class={question.overdue && isOpenQuestion(question) ? 'card question late-card' : 'card question'}
      aria-labelledby={headingId}
    >
      <h2 id={headingId}>{t('questions.heading', { id: question.id, about: question.about })}</h2>
      <p class="meta">
        {regions.get(question.village)?.name ?? question.village} ·{' '}
        {t('questions.asked', {
          household: question.household,
          date: shortTime(question.askedAt),
          reason: question.reasonText,
        })}
        {question.callBack ? ` · ${t('questions.callBack')}` : ''}
      </p>
      <p>
        {t('questions.status', { status: t(`questions.status.${question.status}`) })}
        {question.escalatedTo ? ` · ${t('questions.escalated')}` : ''} ·{' '}
        <ReplyClock question={question} now={props.now} />
      </p>
      <p>
        <a href={itemHref(subject.region, subject.channel, subject.item)}>
          {t('questions.subject')}：{t(`channel.${subject.channel}`)} · {subject.voucher ?? subject.item}
        </a>
      </p>
      {question.responsible && (
        <p>
          {t('questions.responsibleBy', { responsible: question.responsible, date: question.expectedAt ?? '—' })}
          {question.statusNotes ? `（${question.statusNotes}）` : ''}
        </p>
      )}
      {question.answer && <p>{t('questions.answer', { text: question.answer })}</p>}
      {question.correctedItem && (
        <p>
          <ItemLink item={question.correctedItem} label={t('questions.correctedItem')} />
        </p>
      )}
      {question.publicItem && (
        <p>
          <ItemLink item={question.publicItem} label={t('questions.publicItemShort')} />
        </p>
      )}
      {answers && (
        <div class="question-actions">
          {question.status === 'received' && (
            <button
              type="button"
              aria-expanded={open === 'accept'}
              onClick={() => setOpen(open === 'accept' ? null : 'accept')}
            >
              {t('questions.acceptOpen')}
            </button>
          )}
          <button
            type="button"
            aria-expanded={open === 'answer'}
            onClick={() => setOpen(open === 'answer' ? null : 'answer')}
          >
            {t('questions.answerOpen')}
          </button>
          {open === 'accept' && <AcceptForm question={question} onDone={props.onDone} />}
          {open === 'answer' && <AnswerForm question={question} onDone={props.onDone} />}
        </div>
      )}
    </li>
  );
};

export const QuestionsPage = (props: { waiting: Waiting | null }) => {
  const { t, refreshWaiting } = useConsole();
  const [done, setDone] = useState<string | null>(null);
  const questions = props.waiting?.questions;
  const now = Date.now();
  // The open ones first, the most urgent (the earliest due) on top; then the answered, newest first.
  const sorted = questions && [
    ...questions.filter(isOpenQuestion).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    ...questions.filter((q) => !isOpenQuestion(q)).reverse(),
  ];
  return (
    <>
      <h1 tabIndex={-1}>{t('questions.title')}</h1>
      <p>{t('questions.intro')}</p>
      <p role="status" class="status">
        {done}
      </p>
      {!sorted ? (
        <p>{t('app.loading')}</p>
      ) : sorted.length === 0 ? (
        <p>{t('questions.empty')}</p>
      ) : (
        <ul class="question-list">
          {sorted.map((question) => (
            <QuestionCard
              key={`${question.id}-${question.status}`}
              question={question}
              now={now}
              onDone={(message) => {
                setDone(message);
                refreshWaiting();
              }}
            />
          ))}
        </ul>
      )}
    </>
  );
};
