/**
 * What waits for this operator: drafts to review (committee, street, admin), approved changes
 * to publish (street, admin), their own drafts sent back or waiting (clerk); and the overdue
 * sub-channels of their region with their due dates; the villager's voice (help requests,
 * questions, open polls) with their clocks; and the button that turns on desktop notifications.
 */
import { api, type Overdue, type Revision } from '../api';
import { CHANNELS } from '../../feed/taxonomy';
import { publishes, reviews, useConsole } from '../context';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { itemHref } from '../router';
import { useLoad } from '../useLoad';
import { hasForm } from '../forms/ItemForm';
import type { Waiting } from '../waiting';
import { DashboardVoice } from '../voice/DashboardVoice';
import { NotifyButton } from '../voice/notifications';
import { isOpenQuestion } from '../voice/types';

export const Dashboard = (props: { waiting: Waiting | null }) => {
  const { session, t, language, regions, help } = useConsole();
  const { operator } = session;
  const overdue = useLoad(
    () => api<Overdue[]>('GET', operator.role === 'admin' ? '/overdue' : `/overdue?region=${operator.region}`),
    [operator.region],
  );
  const waiting = props.waiting;
  const level = regions.get(operator.region)?.level;
  const newItems = operator.role === 'committee' ? [] : CHANNELS.filter((c) => c.section === level && hasForm(c.id));
  const lines: { text: string; href: string }[] = [];
  if (waiting && reviews(operator.role) && waiting.toReview.length)
    lines.push({ text: t('dashboard.toReview', { count: waiting.toReview.length }), href: '#/review' });
  if (waiting && publishes(operator.role) && waiting.approved.length)
    lines.push({ text: t('dashboard.toPublish', { count: waiting.approved.length }), href: '#/publish' });
  // The villager's voice: help requests not yet acknowledged, questions not yet answered (the committee watches them).
  const unacknowledged = help?.filter((h) => h.status === 'sent').length ?? 0;
  if (unacknowledged) lines.push({ text: t('dashboard.helpWaiting', { count: unacknowledged }), href: '#/help' });
  const unanswered = operator.role === 'committee' ? 0 : (waiting?.questions.filter(isOpenQuestion).length ?? 0);
  if (unanswered) lines.push({ text: t('dashboard.questionsWaiting', { count: unanswered }), href: '#/questions' });
  const mine = (list: Revision[]) => list.filter((r) => r.created_by === operator.id);
  return (
    <>
      <h1 tabIndex={-1}>{t('dashboard.title')}</h1>
      <NotifyButton />
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('dashboard.waiting')}</h2>
        {!waiting ? (
          <p>{t('app.loading')}</p>
        ) : lines.length || waiting.rejected.length ? (
          <ul class="waiting">
            {lines.map((line) => (
              <li key={line.href}>
                <a href={line.href}>{line.text}</a>
              </li>
            ))}
            {waiting.rejected.length > 0 && (
              <li>
                {t('dashboard.rejected', { count: waiting.rejected.length })}
                <ul>
                  {waiting.rejected.map((r) => (
                    <li key={r.id}>
                      <a href={itemHref(r.region, r.channel, r.item_id)}>
                        {t(`channel.${r.channel}`)} · {r.item_id}
                      </a>
                      ：{r.reason}
                    </li>
                  ))}
                </ul>
              </li>
            )}
          </ul>
        ) : (
          <p>{t('dashboard.nothingWaiting')}</p>
        )}
        {waiting && !reviews(operator.role) && mine(waiting.drafts).length > 0 && (
          <p>{t('dashboard.submitted', { count: mine(waiting.drafts).length })}</p>
        )}
      </section>
      <DashboardVoice waiting={waiting} />
      {newItems.length > 0 && (
        <section aria-labelledby="new-heading">
          <h2 id="new-heading">{t('dashboard.new')}</h2>
          <ul class="actions">
            {newItems.map((c) => (
              <li key={c.id}>
                <a class="button" href={itemHref(operator.region, c.id, 'new')}>
                  {t(c.kind === 'articles' ? 'dashboard.newIn' : 'dashboard.newItemIn', {
                    channel: t(`channel.${c.id}`),
                  })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t('dashboard.overdue')}</h2>
        {overdue.error ? (
          <ErrorMessage error={overdue.error} language={language} t={t} />
        ) : !overdue.data ? (
          <p>{t('app.loading')}</p>
        ) : overdue.data.length === 0 ? (
          <p>{t('dashboard.noOverdue')}</p>
        ) : (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('table.region')}</th>
                  <th scope="col">{t('table.channel')}</th>
                  <th scope="col">{t('table.due')}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.data.map((o) => (
                  <tr key={`${o.region}-${o.channel}`}>
                    <td>{o.name}</td>
                    <td>
                      {o.channel} {t(`channel.${o.channel}`)}
                    </td>
                    <td>{o.dueAt ? shortTime(o.dueAt).slice(0, 10) : t('dashboard.neverPublished')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
};
