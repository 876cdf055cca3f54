/**
 * A village's roll of households with their bound boxes (box id, device id, bound since), and
 * for its clerk (or the district): binding a box by the pairing code its TV shows, unbinding
 * one, and revoking a lost one after a confirmation. The service checks the village again and
 * audits each (household/boxes.ts); the TV learns its binding at its next poll.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Household, type Problem } from '../api';
import { bindsBoxes, useConsole } from '../context';
import { ErrorMessage } from '../components/ErrorMessage';
import { shortTime } from '../chinaTime';
import { Field } from '../forms/Field';
import { problemsAt, problemsOf, unplaced } from '../forms/problems';
import { householdsHref } from '../router';
import { useLoad } from '../useLoad';

/** The villages whose roll this operator may read: their own, their street's, or every one for the district. */
const readableVillages = (
  operator: { role: string; region: string },
  regions: ReturnType<typeof useConsole>['regions'],
) =>
  [...regions.values()].filter(
    (r) =>
      r.level === 'village' &&
      (operator.role === 'admin' ||
        r.code === operator.region ||
        (operator.role === 'street' && r.parent === operator.region)),
  );

const BindForm = (props: { village: string; households: Household[]; onBound: (message: string) => void }) => {
  const { t, language } = useConsole();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    // The TV shows the code as "123 456": spaces are the clerk's to type or not.
    const code = String(form.get('code') ?? '').replace(/\s/g, '');
    const household = String(form.get('household') ?? '');
    setError(null);
    if (!/^[0-9]{6}$/.test(code)) {
      const message = t('households.codeShape');
      setProblems([{ field: '/code', zh: message, en: message }]);
      return;
    }
    setProblems([]);
    setWorking(true);
    try {
      const bound = await api<{ box: string; household: string }>('POST', '/households/bind', { code, household });
      formElement.reset();
      props.onBound(t('households.bound', { box: bound.box, household: bound.household }));
    } catch (refusal) {
      setProblems(problemsOf(refusal));
      setError(refusal);
    } finally {
      setWorking(false);
    }
  };
  const refusal = error ? problemsOf(error) : [];
  return (
    <section class="card" aria-labelledby="bind-heading">
      <h2 id="bind-heading">{t('households.bindTitle')}</h2>
      <p class="note">{t('households.bindIntro')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="bind-household" label={t('households.household')} problems={problemsAt(problems, '/household')}>
          {(aria) => (
            <select {...aria} name="household">
              {props.households.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.id} · {h.head}
                  {h.bindings.length ? ` · ${t('households.hasBox')}` : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="bind-code"
          label={t('households.code')}
          hint={t('households.codeHint')}
          problems={problemsAt(problems, '/code')}
        >
          {(aria) => <input {...aria} name="code" inputMode="numeric" autoComplete="off" maxLength={7} required />}
        </Field>
        {error && unplaced(refusal, ['/code', '/household']).length === refusal.length ? (
          <ErrorMessage error={error} language={language} t={t} />
        ) : null}
        <button type="submit" class="primary" disabled={working}>
          {t('households.bind')}
        </button>
      </form>
    </section>
  );
};

/** The revocation's confirmation: a lost box's key is refused for good, so it is said before it is done. */
const ConfirmRevoke = (props: { box: string; household: string; onConfirm: () => void; onCancel: () => void }) => {
  const { t } = useConsole();
  useEffect(() => document.getElementById('revoke-heading')?.focus(), []);
  return (
    <section class="confirm" aria-labelledby="revoke-heading">
      <h2 id="revoke-heading" tabIndex={-1}>
        {t('households.revokeTitle', { box: props.box })}
      </h2>
      <p>{t('households.revokeText', { household: props.household })}</p>
      <button type="button" class="primary danger" onClick={props.onConfirm}>
        {t('households.revokeConfirm')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('households.revokeCancel')}
      </button>
    </section>
  );
};

export const Households = (props: { village: string | null }) => {
  const { session, t, language, regions } = useConsole();
  const { operator } = session;
  const villages = readableVillages(operator, regions);
  // One village to read (a clerk's, a committee's): it opens at once; the district and a street pick one.
  const village = props.village ?? (villages.length === 1 ? villages[0]!.code : null);
  const roll = useLoad(
    () => (village ? api<Household[]>('GET', `/households?village=${village}`) : Promise.resolve([])),
    [village],
  );
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<{ box: string; household: string } | null>(null);
  useEffect(() => {
    setDone(null);
    setError(null);
    setConfirming(null);
  }, [village]);
  const binds = village !== null && bindsBoxes(operator, village);

  const end = async (box: string, household: string, how: 'unbind' | 'revoke') => {
    setError(null);
    setConfirming(null);
    try {
      await api('POST', `/boxes/${box}/${how}`);
      setDone(t(how === 'unbind' ? 'households.unbound' : 'households.revoked', { box, household }));
      roll.reload();
    } catch (refusal) {
      setError(refusal);
    }
  };

  const villageName = village ? (regions.get(village)?.name ?? village) : '';
  return (
    <>
      <h1 tabIndex={-1}>{village ? t('households.titleOf', { village: villageName }) : t('households.title')}</h1>
      {villages.length > 1 && (
        <div class="field">
          <label for="households-village">{t('households.village')}</label>
          <select
            id="households-village"
            value={village ?? ''}
            onChange={(e) => (location.hash = householdsHref(e.currentTarget.value))}
          >
            {!village && <option value="">{t('households.pickVillage')}</option>}
            {villages.map((v) => (
              <option key={v.code} value={v.code}>
                {regions.get(v.parent ?? '')?.name ?? ''} · {v.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <p role="status" class="status">
        {done}
      </p>
      {error ? <ErrorMessage error={error} language={language} t={t} /> : null}
      {!village ? null : roll.error ? (
        <ErrorMessage error={roll.error} language={language} t={t} />
      ) : !roll.data ? (
        <p>{t('app.loading')}</p>
      ) : (
        <>
          {binds && (
            <BindForm
              village={village}
              households={roll.data}
              onBound={(message) => {
                setDone(message);
                roll.reload();
              }}
            />
          )}
          {confirming && (
            <ConfirmRevoke
              {...confirming}
              onConfirm={() => void end(confirming.box, confirming.household, 'revoke')}
              onCancel={() => setConfirming(null)}
            />
          )}
          <div class="table-wrap">
            <table>
              <caption>
                {t('households.caption', {
                  count: roll.data.length,
                  bound: roll.data.filter((h) => h.bindings.length).length,
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('households.household')}</th>
                  <th scope="col">{t('households.box')}</th>
                </tr>
              </thead>
              <tbody>
                {roll.data.map((h) => (
                  <tr key={h.id}>
                    <th scope="row">
                      {h.id}
                      <br />
                      <span class="meta">{h.head}</span>
                    </th>
                    <td>
                      {h.bindings.length === 0 ? (
                        <span class="meta">{t('households.noBox')}</span>
                      ) : (
                        h.bindings.map((b) => (
                          <div key={b.box} class="binding">
                            <p>
                              {t('households.boxId', { box: b.box })}
                              <br />
                              {t('households.deviceId', { device: b.deviceId ?? t('households.noDevice') })}
                              <br />
                              {t('households.boundSince', { at: shortTime(b.boundAt) })}
                            </p>
                            {binds && (
                              <>
                                <button
                                  type="button"
                                  aria-label={t('households.unbindLabel', { box: b.box, household: h.id })}
                                  onClick={() => void end(b.box, h.id, 'unbind')}
                                >
                                  {t('households.unbind')}
                                </button>
                                <button
                                  type="button"
                                  aria-label={t('households.revokeLabel', { box: b.box, household: h.id })}
                                  onClick={() => setConfirming({ box: b.box, household: h.id })}
                                >
                                  {t('households.revoke')}
                                </button>
                              </>
                            )}
                          </div>
                        ))
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
};
