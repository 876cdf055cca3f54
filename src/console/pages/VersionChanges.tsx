/** What one version changed against another: the items added, changed and removed, by sub-channel (GET /api/versions/:v/changes). */
import { api, type VersionChanges } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import { useConsole } from '../context';
import { itemHref } from '../router';
import { useLoad } from '../useLoad';

type Change = VersionChanges['added'][number];

const ChangeList = (props: { heading: string; changes: Change[]; link: boolean }) => {
  const { t } = useConsole();
  if (props.changes.length === 0) return null;
  return (
    <>
      <h3>{props.heading}</h3>
      <ul class="changes">
        {props.changes.map((c) => {
          const words = `${c.regionName ?? c.region} · ${t(`channel.${c.channel}`)} · ${c.title ?? c.itemId}`;
          return (
            <li key={`${c.region}/${c.channel}/${c.itemId}`}>
              {props.link ? <a href={itemHref(c.region, c.channel, c.itemId)}>{words}</a> : words}
            </li>
          );
        })}
      </ul>
    </>
  );
};

/** The changes from `against` (by default the version before) to `version`; `future` words them as what boxes will see. */
export const VersionChangeList = (props: { version: number; against?: number; future?: boolean }) => {
  const { t, language } = useConsole();
  const path = `/versions/${props.version}/changes${props.against ? `?against=${props.against}` : ''}`;
  const changes = useLoad(() => api<VersionChanges>('GET', path), [path]);
  if (changes.error) return <ErrorMessage error={changes.error} language={language} t={t} />;
  if (!changes.data) return <p>{t('app.loading')}</p>;
  const { added, changed, removed } = changes.data;
  if (added.length + changed.length + removed.length === 0) return <p>{t('versions.noChange')}</p>;
  const tense = props.future ? 'versions.will' : 'versions.did';
  return (
    <div class="version-changes">
      <ChangeList heading={t(`${tense}.added`, { count: added.length })} changes={added} link={!props.future} />
      <ChangeList heading={t(`${tense}.changed`, { count: changed.length })} changes={changed} link={!props.future} />
      <ChangeList heading={t(`${tense}.removed`, { count: removed.length })} changes={removed} link={false} />
    </div>
  );
};
