/**
 * The dashboard's part of the villager's voice: questions waiting for an answer with their reply
 * clocks, help requests not yet done with their acknowledgement clocks (live), and open polls.
 */
import { api } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { useConsole } from '../context';
import { useLoad } from '../useLoad';
import type { Waiting } from '../waiting';
import { HelpClock, useNow } from './HelpPage';
import { villagesInReach } from './PollsPage';
import { ReplyClock } from './QuestionsPage';
import { isOpenQuestion, type Poll } from './types';

export const DashboardVoice = (props: { waiting: Waiting | null }) => {
  const { t, language, help, regions, session } = useConsole();
  const { operator } = session;
  const now = useNow(15_000);
  const villages = villagesInReach(regions, operator.role, operator.region).map((v) => v.code);
  const polls = useLoad(
    async () =>
      (await Promise.all(villages.map((v) => api<Poll[]>('GET', `/polls?village=${v}`))))
        .flat()
        .filter((p) => p.state === 'open'),
    [villages.join()],
  );
  const questions = props.waiting?.questions.filter(isOpenQuestion);
  return (
    <>
      <section aria-labelledby="help-heading">
        <h2 id="help-heading">
          <a href="#/help">{t('dashboard.help')}</a>
        </h2>
        {!help ? (
          <p>{t('app.loading')}</p>
        ) : help.length === 0 ? (
          <p>{t('dashboard.noHelp')}</p>
        ) : (
          <ul class="waiting">
            {help.map((h) => (
              <li key={h.id}>
                <a href="#/help">{t('duty.heading', { id: h.id, kind: t(`duty.kind.${h.kind}`) })}</a> ·{' '}
                {t(`duty.status.${h.status}`)} · <HelpClock request={h} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="questions-heading">
        <h2 id="questions-heading">
          <a href="#/questions">{t('dashboard.questions')}</a>
        </h2>
        {!questions ? (
          <p>{t('app.loading')}</p>
        ) : questions.length === 0 ? (
          <p>{t('dashboard.noQuestions')}</p>
        ) : (
          <ul class="waiting">
            {questions.map((q) => (
              <li key={q.id}>
                <a href="#/questions">{t('questions.heading', { id: q.id, about: q.about })}</a> ·{' '}
                {t(`questions.status.${q.status}`)} · <ReplyClock question={q} now={now} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="polls-heading">
        <h2 id="polls-heading">
          <a href="#/polls">{t('dashboard.polls')}</a>
        </h2>
        {polls.error ? (
          <ErrorMessage error={polls.error} language={language} t={t} />
        ) : !polls.data ? (
          <p>{t('app.loading')}</p>
        ) : polls.data.length === 0 ? (
          <p>{t('dashboard.noPolls')}</p>
        ) : (
          <ul class="waiting">
            {polls.data.map((p) => (
              <li key={p.id}>
                {t('dashboard.pollLine', {
                  question: p.question,
                  village: regions.get(p.village)?.name ?? p.village,
                  turnout: p.turnout,
                  closes: shortTime(p.closesAt),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
};
