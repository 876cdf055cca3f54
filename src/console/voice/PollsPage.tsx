/**
 * 民意调查: the poll editor (question, 2–6 options, the opening window in Beijing time, the
 * eligible village), a village's polls with their turnout, open or close one now, and the
 * counts as bars once it has closed. The service checks every rule again (a whole personal
 * number, a character the box's font lacks, a window that is over) and its refusal shows by
 * the field it names.
 */
import { useState } from 'preact/hooks';
import { api, ApiError, type Region } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { fromLocalInput, localInputIn, shortTime } from '../chinaTime';
import { useConsole } from '../context';
import { Field } from '../forms/Field';
import { useLoad } from '../useLoad';
import type { Poll } from './types';

const MAX_OPTIONS = 6;
const WEEK_MINUTES = 7 * 24 * 60;

/** The villages this operator works for: their own, those of their street, or all of them (the district). */
export const villagesInReach = (regions: Map<string, Region>, role: string, region: string): Region[] =>
  [...regions.values()].filter(
    (r) => r.level === 'village' && (role === 'admin' || r.code === region || r.parent === region),
  );

/** Which of the editor's fields a refusal names (the service words it "「closesAt」…" or "body/question …"). */
const fieldNamed = (error: unknown): string | null => {
  if (!(error instanceof ApiError)) return null;
  const found = /\b(question|options\/[0-9]|options|opensAt|closesAt|village)\b/.exec(error.en);
  return found ? found[1]! : null;
};

const Results = (props: { poll: Poll }) => {
  const { t } = useConsole();
  const { poll } = props;
  if (!poll.results) return null;
  const most = Math.max(1, ...poll.results);
  return (
    <table class="poll-results">
      <caption>{t('polls.results')}</caption>
      <tbody>
        {poll.options.map((option, i) => (
          <tr key={i}>
            <th scope="row">{option}</th>
            <td>
              <span class="bar" style={{ width: `${(poll.results![i]! / most) * 60}%` }} />
              {t('polls.votes', { count: poll.results![i]! })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const PollCard = (props: { poll: Poll; mayEdit: boolean; onDone: (message: string) => void }) => {
  const { t, language } = useConsole();
  const { poll } = props;
  const [error, setError] = useState<unknown>(null);
  const move = async (change: 'open' | 'close') => {
    setError(null);
    try {
      await api('POST', `/polls/${poll.id}/${change}`, {});
      props.onDone(t(change === 'open' ? 'polls.opened' : 'polls.closed', { id: poll.id }));
    } catch (refusal) {
      setError(refusal);
    }
  };
  const headingId = `poll-${poll.id}`;
  return (
    <li class="card poll" aria-labelledby={headingId}>
      <h3 id={headingId}>
        #{poll.id} {poll.question}
      </h3>
      <p class="meta">
        {t('polls.window', {
          state: t(`polls.state.${poll.state}`),
          opens: shortTime(poll.opensAt),
          closes: shortTime(poll.closesAt),
          turnout: poll.turnout,
        })}
      </p>
      {poll.results ? <Results poll={poll} /> : <p>{poll.options.join(' / ')}</p>}
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      {props.mayEdit && poll.state === 'upcoming' && (
        <button type="button" onClick={() => void move('open')}>
          {t('polls.openNow')}
        </button>
      )}
      {props.mayEdit && poll.state !== 'closed' && (
        <button type="button" onClick={() => void move('close')}>
          {t('polls.closeNow')}
        </button>
      )}
    </li>
  );
};

const PollEditor = (props: { villages: Region[]; village: string; onDone: (poll: Poll) => void }) => {
  const { t, language } = useConsole();
  const [options, setOptions] = useState(['', '', '']);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const chosen = options.map((o) => o.trim()).filter(Boolean);
    const empty = [
      ...(value('question') ? [] : ['question']),
      ...(chosen.length >= 2 ? [] : ['options']),
      ...(value('opensAt') ? [] : ['opensAt']),
      ...(value('closesAt') ? [] : ['closesAt']),
    ];
    setMissing(empty);
    setError(null);
    if (empty.length) return;
    try {
      const poll = await api<Poll>('POST', '/polls', {
        village: value('village'),
        question: value('question'),
        options: chosen,
        opensAt: fromLocalInput(value('opensAt')),
        closesAt: fromLocalInput(value('closesAt')),
      });
      form.reset();
      setOptions(['', '', '']);
      props.onDone(poll);
    } catch (refusal) {
      setError(refusal);
    }
  };
  const named = fieldNamed(error);
  const problems = (field: string) => [
    ...(missing.includes(field)
      ? [
          field === 'options'
            ? { zh: t('polls.tooFewOptions'), en: t('polls.tooFewOptions') }
            : { zh: t('questions.required'), en: t('questions.required') },
        ]
      : []),
    ...(error instanceof ApiError && named === field ? [{ zh: error.zh, en: error.en }] : []),
  ];
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="new-poll">
      <h2 id="new-poll">{t('polls.new')}</h2>
      <Field id="poll-village" label={t('polls.village')} problems={problems('village')}>
        {(aria) => (
          <select {...aria} name="village" key={props.village} defaultValue={props.village}>
            {props.villages.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="poll-question" label={t('polls.question')} problems={problems('question')}>
        {(aria) => <input {...aria} name="question" maxLength={100} required />}
      </Field>
      <fieldset class="poll-options">
        <legend>{t('polls.optionsHint')}</legend>
        {options.map((option, i) => (
          <Field
            key={i}
            id={`poll-option-${i}`}
            label={t('polls.option', { n: i + 1 })}
            problems={problems(`options/${i}`)}
          >
            {(aria) => (
              <input
                {...aria}
                value={option}
                maxLength={40}
                onInput={(e) => setOptions(options.map((o, j) => (j === i ? e.currentTarget.value : o)))}
              />
            )}
          </Field>
        ))}
        {problems('options').map((p, i) => (
          <p key={i} class="field-error">
            {language === 'en' ? p.en : p.zh}
          </p>
        ))}
        {options.length < MAX_OPTIONS && (
          <button type="button" onClick={() => setOptions([...options, ''])}>
            {t('polls.addOption')}
          </button>
        )}
      </fieldset>
      <Field id="poll-opens" label={t('polls.opensAt')} problems={problems('opensAt')}>
        {(aria) => <input {...aria} name="opensAt" type="datetime-local" defaultValue={localInputIn(0)} required />}
      </Field>
      <Field id="poll-closes" label={t('polls.closesAt')} problems={problems('closesAt')}>
        {(aria) => (
          <input {...aria} name="closesAt" type="datetime-local" defaultValue={localInputIn(WEEK_MINUTES)} required />
        )}
      </Field>
      {error && !named ? <ErrorMessage error={error} language={language} t={t} /> : null}
      <button type="submit" class="primary">
        {t('polls.publish')}
      </button>
    </form>
  );
};

export const PollsPage = () => {
  const { t, language, regions, session } = useConsole();
  const { operator } = session;
  const villages = villagesInReach(regions, operator.role, operator.region);
  const [chosen, setChosen] = useState<string | null>(null);
  const village = chosen ?? villages[0]?.code ?? '';
  const polls = useLoad(
    () => (village ? api<Poll[]>('GET', `/polls?village=${village}`) : Promise.resolve([])),
    [village],
  );
  const [done, setDone] = useState<string | null>(null);
  // The village's clerk, its street and the district publish polls; the committee watches them.
  const mayEdit = operator.role !== 'committee';
  const name = regions.get(village)?.name ?? village;
  return (
    <>
      <h1 tabIndex={-1}>{t('polls.title')}</h1>
      <p>{t('polls.intro')}</p>
      <p role="status" class="status">
        {done}
      </p>
      {villages.length > 1 && (
        <>
          <label for="polls-village">{t('polls.village')}</label>
          <select id="polls-village" value={village} onChange={(e) => setChosen(e.currentTarget.value)}>
            {villages.map((v) => (
              <option key={v.code} value={v.code}>
                {v.name}
              </option>
            ))}
          </select>
        </>
      )}
      <section aria-labelledby="polls-list">
        <h2 id="polls-list">{t('polls.list', { village: name })}</h2>
        {polls.error ? (
          <ErrorMessage error={polls.error} language={language} t={t} />
        ) : !polls.data ? (
          <p>{t('app.loading')}</p>
        ) : polls.data.length === 0 ? (
          <p>{t('polls.empty')}</p>
        ) : (
          <ul class="poll-list">
            {polls.data.map((poll) => (
              <PollCard
                key={`${poll.id}-${poll.state}`}
                poll={poll}
                mayEdit={mayEdit}
                onDone={(message) => {
                  setDone(message);
                  polls.reload();
                }}
              />
            ))}
          </ul>
        )}
      </section>
      {mayEdit && village && (
        <PollEditor
          villages={villages}
          village={village}
          onDone={(poll) => {
            setDone(t('polls.published', { id: poll.id }));
            setChosen(poll.village);
            polls.reload();
          }}
        />
      )}
    </>
  );
};
