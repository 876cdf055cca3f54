/** Every version with who published it, the newest first (GET /api/versions). */
import { api, type Version } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { useConsole } from '../context';
import { useLoad } from '../useLoad';

export const Versions = () => {
  const { t, language } = useConsole();
  const versions = useLoad(() => api<Version[]>('GET', '/versions'), []);
  const kind = (v: Version) =>
    v.kind === 'rollback' ? t('versions.kind.rollback', { to: v.rolled_back_to ?? '?' }) : t(`versions.kind.${v.kind}`);
  return (
    <>
      <h1 tabIndex={-1}>{t('versions.title')}</h1>
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
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
};
