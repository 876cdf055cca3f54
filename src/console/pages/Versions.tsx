/**
 * Every version with who published it and what it changed, the newest first (GET /api/versions).
 * The district admin may roll back to an older version, after a confirmation listing what boxes
 * would then see.
 */
import { useState } from 'preact/hooks';
import { api, type PublishResult, type Version } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { useConsole } from '../context';
import { useLoad } from '../useLoad';
import { VersionChangeList } from './VersionChanges';

/** A version's changes, loaded when its row is opened. */
const Changes = ({ version }: { version: number }) => {
  const { t } = useConsole();
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{t('versions.whatChanged')}</summary>
      {open && <VersionChangeList version={version} />}
    </details>
  );
};

const RollbackConfirm = (props: { to: number; current: number; onDone: () => void; onCancel: () => void }) => {
  const { t, language } = useConsole();
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const confirm = async () => {
    setWorking(true);
    setError(null);
    try {
      await api<PublishResult>('POST', '/rollback', { version: props.to });
      props.onDone();
    } catch (refusal) {
      setError(refusal);
    } finally {
      setWorking(false);
    }
  };
  return (
    <section class="confirm" aria-labelledby="rollback-heading">
      <h2 id="rollback-heading">{t('versions.rollbackTitle', { to: props.to })}</h2>
      <p>{t('versions.rollbackIntro', { current: props.current, to: props.to })}</p>
      <VersionChangeList version={props.to} against={props.current} future />
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      <div class="actions">
        <button type="button" class="primary" disabled={working} onClick={() => void confirm()}>
          {t('versions.rollbackConfirm', { to: props.to })}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('versions.cancel')}
        </button>
      </div>
    </section>
  );
};

export const Versions = () => {
  const { t, language, session } = useConsole();
  const versions = useLoad(() => api<Version[]>('GET', '/versions'), []);
  const [rollbackTo, setRollbackTo] = useState<number | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const admin = session.operator.role === 'admin';
  const kind = (v: Version) =>
    v.kind === 'rollback' ? t('versions.kind.rollback', { to: v.rolled_back_to ?? '?' }) : t(`versions.kind.${v.kind}`);
  const current = versions.data?.find((v) => v.status === 'complete')?.version;
  return (
    <>
      <h1 tabIndex={-1}>{t('versions.title')}</h1>
      <p role="status" class="status">
        {done ? t('versions.rolledBack', { to: done }) : ''}
      </p>
      {rollbackTo && current ? (
        <RollbackConfirm
          to={rollbackTo}
          current={current}
          onCancel={() => setRollbackTo(null)}
          onDone={() => {
            setDone(rollbackTo);
            setRollbackTo(null);
            versions.reload();
          }}
        />
      ) : null}
      {versions.error ? (
        <ErrorMessage error={versions.error} language={language} t={t} />
      ) : !versions.data ? (
        <p>{t('app.loading')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('versions.version')}</th>
                <th scope="col">{t('versions.kind')}</th>
                <th scope="col">{t('table.at')}</th>
                <th scope="col">{t('versions.by')}</th>
                <th scope="col">{t('table.status')}</th>
                <th scope="col">{t('versions.changes')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.version}>
                  <td>{v.version}</td>
                  <td>{kind(v)}</td>
                  <td>{shortTime(v.created_at)}</td>
                  <td>{v.created_by_name ?? t('versions.system')}</td>
                  <td>{t(`versions.status.${v.status}`)}</td>
                  <td>
                    <Changes version={v.version} />
                    {admin && v.status === 'complete' && v.version !== current && (
                      <button type="button" class="link" onClick={() => setRollbackTo(v.version)}>
                        {t('versions.rollback', { to: v.version })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
