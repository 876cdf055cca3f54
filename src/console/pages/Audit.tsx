/**
 * The audit log for people: who did what, when, in which region and to which item, the newest
 * first, filtered and paged (GET /api/audit, limited to the reader's regions), with whether the
 * log's hash chain still verifies (GET /api/audit/verify) above it.
 */
import { useState } from 'preact/hooks';
import { api, type AuditPage, type ChainCheck } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { useConsole } from '../context';
import type { ConsoleKey, Translate } from '../i18n';
import { itemHref } from '../router';
import { useLoad } from '../useLoad';

/** A known action in words; an action the console has no words for shows as the service names it. */
export const actionLabel = (t: Translate, action: string): string => {
  const key = `audit.action.${action}` as ConsoleKey;
  const label = t(key);
  return label === key ? action : label;
};

/** An item's path as its sub-channel's name and id, linked to the item; other targets as written. */
const Target = ({ target }: { target: string }) => {
  const { t } = useConsole();
  const item = /^(\d{12})\/(\d{1,2})\/(.+)$/.exec(target);
  if (!item) return <>{target}</>;
  const channel = Number(item[2]);
  return (
    <a href={itemHref(item[1]!, channel, item[3]!)}>
      {t(`channel.${channel}`)} · {item[3]}
    </a>
  );
};

const ChainStatus = () => {
  const { t, language } = useConsole();
  const check = useLoad(() => api<ChainCheck>('GET', '/audit/verify'), []);
  if (check.error) return <ErrorMessage error={check.error} language={language} t={t} />;
  if (!check.data) return <p>{t('audit.verifying')}</p>;
  const result = check.data;
  return result.ok ? (
    <p class="chain ok" data-testid="chain-status">
      {t('audit.chainOk', { count: result.entries })}
    </p>
  ) : (
    <p class="chain broken" role="alert" data-testid="chain-status">
      {t('audit.chainBroken', { seq: result.brokenAt, reason: result.reason })}
    </p>
  );
};

export const Audit = () => {
  const { t, language, regions } = useConsole();
  const [filter, setFilter] = useState({ region: '', operator: '', action: '', page: 1 });
  const query = new URLSearchParams();
  if (filter.region) query.set('region', filter.region);
  if (filter.operator) query.set('operator', filter.operator);
  if (filter.action) query.set('action', filter.action);
  query.set('page', String(filter.page));
  const log = useLoad(() => api<AuditPage>('GET', `/audit?${query.toString()}`), [query.toString()]);
  const choose = (name: 'region' | 'operator' | 'action') => (e: Event) =>
    setFilter({ ...filter, [name]: (e.currentTarget as HTMLSelectElement).value, page: 1 });
  const pages = log.data ? Math.max(1, Math.ceil(log.data.total / log.data.pageSize)) : 1;
  return (
    <>
      <h1 tabIndex={-1}>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <ChainStatus />
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          <span>{t('audit.region')}</span>
          <select id="audit-region" value={filter.region} onChange={choose('region')}>
            <option value="">{t('audit.all')}</option>
            {[...regions.values()].map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.operator')}</span>
          <select id="audit-operator" value={filter.operator} onChange={choose('operator')}>
            <option value="">{t('audit.all')}</option>
            {log.data?.operators.map((o) => (
              <option key={o.id} value={String(o.id)}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('audit.action')}</span>
          <select id="audit-action" value={filter.action} onChange={choose('action')}>
            <option value="">{t('audit.all')}</option>
            {log.data?.actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(t, a)}
              </option>
            ))}
          </select>
        </label>
      </form>
      {log.error ? (
        <ErrorMessage error={log.error} language={language} t={t} />
      ) : !log.data ? (
        <p>{t('app.loading')}</p>
      ) : log.data.entries.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <>
          <div class="table-wrap">
            <table>
              <caption>{t('audit.caption', { total: log.data.total, page: log.data.page, pages })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.at')}</th>
                  <th scope="col">{t('audit.operator')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.region')}</th>
                  <th scope="col">{t('audit.target')}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.entries.map((e) => (
                  <tr key={e.seq}>
                    <td>{shortTime(e.at)}</td>
                    <td>{e.operatorName ?? t('versions.system')}</td>
                    <td>{actionLabel(t, e.action)}</td>
                    <td>{e.regionName ?? '—'}</td>
                    <td>
                      <Target target={e.target} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav class="pager" aria-label={t('audit.pages')}>
            <button
              type="button"
              disabled={filter.page <= 1}
              onClick={() => setFilter({ ...filter, page: filter.page - 1 })}
            >
              {t('audit.newer')}
            </button>
            <span>{t('audit.pageOf', { page: filter.page, pages })}</span>
            <button
              type="button"
              disabled={filter.page >= pages}
              onClick={() => setFilter({ ...filter, page: filter.page + 1 })}
            >
              {t('audit.older')}
            </button>
          </nav>
        </>
      )}
    </>
  );
};
