/** A draft against the published item: one row per changed field, removed and added text marked in words too. */
import { changes } from '../diff';
import type { Translate } from '../i18n';

const SHOWN = 40;

export const Diff = (props: { published: unknown; draft: unknown; t: Translate }) => {
  const { t } = props;
  const rows = changes(props.published, props.draft);
  if (!rows.length) return <p>{t('diff.same')}</p>;
  return (
    <div class="table-wrap">
      <table class="diff">
        <caption>{t('diff.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('diff.field')}</th>
            <th scope="col">{t('diff.published')}</th>
            <th scope="col">{t('diff.draft')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN).map((row) => (
            <tr key={row.field}>
              <th scope="row">{row.field}</th>
              <td>{row.published === null ? t('diff.none') : <del>{row.published}</del>}</td>
              <td>{row.draft === null ? t('diff.none') : <ins>{row.draft}</ins>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > SHOWN && <p>{t('diff.more', { count: rows.length - SHOWN })}</p>}
    </div>
  );
};
