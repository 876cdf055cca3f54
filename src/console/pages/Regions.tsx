/**
 * The district's streets and villages (a street: its own villages) and how each keeps its
 * sub-channels up to date: how many are on time, and which are overdue with their due dates.
 * Read-only: regions come with the district's data, not from the console.
 */
import { api, ApiError, type Overdue } from '../api';
import { CHANNELS } from '../../feed/taxonomy';
import { seesRegions, useConsole } from '../context';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { householdsHref } from '../router';
import { useLoad } from '../useLoad';

/** How many sub-channels a region of this level must keep up to date (those published as needed have no due date). */
const scheduledCount = (level: string) =>
  CHANNELS.filter((c) => c.section === level && c.cadence !== 'asNeeded').length;

export const Regions = () => {
  const { session, t, language, regions } = useConsole();
  const { operator } = session;
  const allowed = seesRegions(operator.role);
  const overdue = useLoad(
    () =>
      allowed
        ? api<Overdue[]>('GET', operator.role === 'admin' ? '/overdue' : `/overdue?region=${operator.region}`)
        : Promise.resolve([]),
    [operator.region, allowed],
  );
  if (!allowed)
    return (
      <>
        <h1 tabIndex={-1}>{t('regions.title')}</h1>
        <ErrorMessage
          error={new ApiError(403, t('regions.notAllowed'), t('regions.notAllowed'))}
          {...{ language, t }}
        />
      </>
    );
  const shown = [...regions.values()].filter(
    (r) => operator.role === 'admin' || r.code === operator.region || r.parent === operator.region,
  );
  const levelName = (level: string) => t(`regions.level.${level}` as Parameters<typeof t>[0]);
  return (
    <>
      <h1 tabIndex={-1}>{t('regions.title')}</h1>
      <p>{t('regions.intro')}</p>
      {overdue.error ? (
        <ErrorMessage error={overdue.error} language={language} t={t} />
      ) : !overdue.data ? (
        <p>{t('app.loading')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('regions.caption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('table.region')}</th>
                <th scope="col">{t('regions.onTime')}</th>
                <th scope="col">{t('regions.overdue')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const late = overdue.data!.filter((o) => o.region === r.code);
                const total = scheduledCount(r.level);
                return (
                  <tr key={r.code}>
                    <th scope="row">
                      {r.name}
                      <span class="meta">
                        {' '}
                        · {levelName(r.level)}
                        {r.parent && r.level === 'village' ? ` · ${regions.get(r.parent)?.name ?? r.parent}` : ''}
                      </span>
                      {r.level === 'village' && (
                        <>
                          <br />
                          <a href={householdsHref(r.code)}>{t('regions.households', { name: r.name })}</a>
                        </>
                      )}
                    </th>
                    <td>
                      {late.length === 0
                        ? t('regions.allOnTime', { total })
                        : t('regions.someOnTime', { onTime: total - late.length, total })}
                    </td>
                    <td>
                      {late.length === 0 ? (
                        t('regions.none')
                      ) : (
                        <ul class="overdue-list">
                          {late.map((o) => (
                            <li key={o.channel}>
                              {o.channel} {t(`channel.${o.channel}`)}：
                              {o.dueAt
                                ? t('dashboard.dueOn', { date: shortTime(o.dueAt).slice(0, 10) })
                                : t('dashboard.neverPublished')}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
