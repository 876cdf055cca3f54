/**
 * The district admin's operators: who works where, with their sign-in names; adding one with a
 * first password, moving one to another role or region, disabling and enabling, and resetting a
 * password. Every change is the service's (content/operatorAccounts.ts, operatorPasswords.ts),
 * checked and audited there; a refusal shows next to the field it names.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type CreatedOperator, type OperatorAccount, type Problem } from '../api';
import { administers, useConsole } from '../context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from '../forms/Field';
import { problemsAt, problemsOf, unplaced } from '../forms/problems';
import type { Translate } from '../i18n';
import { useLoad } from '../useLoad';

const ROLES = ['clerk', 'committee', 'street', 'admin'] as const;
type Role = (typeof ROLES)[number];
/** The level of region each role works at (the service refuses any other: operatorAccounts.ts). */
const ROLE_LEVEL: Record<Role, string> = {
  clerk: 'village',
  committee: 'village',
  street: 'street',
  admin: 'district',
};
/** The service's sign-in names and shortest password (auth/passwords.ts), checked here first so the hint shows at once. */
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,31}$/;
const MIN_PASSWORD = 10;

const local = (field: string, zh: string, en: string): Problem => ({ field, zh, en });

/** What the form can say before asking the service: a missing name, a sign-in name or password of the wrong shape. */
const formProblems = (t: Translate, values: { name?: string; username?: string; password?: string }) => {
  const problems: Problem[] = [];
  const both = (field: string, key: Parameters<Translate>[0], params?: Record<string, string | number>) =>
    problems.push(local(field, t(key, params), t(key, params)));
  if (values.name !== undefined && !values.name.trim()) both('/name', 'operators.nameRequired');
  if (values.username !== undefined && !USERNAME.test(values.username)) both('/username', 'operators.usernameShape');
  if (values.password && values.password.length < MIN_PASSWORD)
    both('/password', 'operators.passwordShort', { count: MIN_PASSWORD });
  return problems;
};

/** The role and region pickers: the regions offered are those of the role's level. */
const ScopeFields = (props: {
  idPrefix: string;
  role: Role;
  region: string;
  problems: Problem[];
  onRole: (role: Role) => void;
  onRegion: (region: string) => void;
}) => {
  const { t, regions } = useConsole();
  const choices = [...regions.values()].filter((r) => r.level === ROLE_LEVEL[props.role]);
  const parentName = (code: string | null) => (code ? (regions.get(code)?.name ?? code) : '');
  return (
    <>
      <Field id={`${props.idPrefix}-role`} label={t('operators.role')} problems={problemsAt(props.problems, '/role')}>
        {(aria) => (
          <select
            {...aria}
            name="role"
            value={props.role}
            onChange={(e) => props.onRole(e.currentTarget.value as Role)}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={`${props.idPrefix}-region`}
        label={t('operators.region')}
        hint={t(`operators.regionHint.${ROLE_LEVEL[props.role]}` as Parameters<Translate>[0])}
        problems={problemsAt(props.problems, '/region')}
      >
        {(aria) => (
          <select {...aria} name="region" value={props.region} onChange={(e) => props.onRegion(e.currentTarget.value)}>
            {choices.map((r) => (
              <option key={r.code} value={r.code}>
                {r.level === 'village' ? `${parentName(r.parent)} · ${r.name}` : r.name}（{r.code}）
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
};

/** A region the role may work in: the one chosen if it fits, else the first of that level. */
const useScope = (initialRole: Role, initialRegion: string) => {
  const { regions } = useConsole();
  const [role, setRole] = useState<Role>(initialRole);
  const [region, setRegion] = useState(initialRegion);
  const fits = (r: Role, code: string) => regions.get(code)?.level === ROLE_LEVEL[r];
  const firstOf = (r: Role) => [...regions.values()].find((x) => x.level === ROLE_LEVEL[r])?.code ?? '';
  return {
    role,
    region: fits(role, region) ? region : firstOf(role),
    setRole,
    setRegion,
  };
};

/** The service's refusal: next to the fields it names, or here when it names none of them. */
const Refusal = (props: { error: unknown; fields: string[] }) => {
  const { t, language } = useConsole();
  if (!props.error) return null;
  const problems = problemsOf(props.error);
  return unplaced(problems, props.fields).length === problems.length ? (
    <ErrorMessage error={props.error} language={language} t={t} />
  ) : (
    <p class="error" role="alert">
      {t('form.seeFields')}
    </p>
  );
};

const PasswordShown = (props: { username: string; password: string }) => {
  const { t } = useConsole();
  return (
    <p class="notice">
      {t('operators.passwordOnce', { username: props.username })} <code>{props.password}</code>
    </p>
  );
};

const AddOperator = (props: { onAdded: (created: CreatedOperator) => void }) => {
  const { t } = useConsole();
  const scope = useScope('clerk', '');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const values = {
      name: String(form.get('name') ?? '').trim(),
      username: String(form.get('username') ?? '')
        .trim()
        .toLowerCase(),
      password: String(form.get('password') ?? ''),
    };
    const found = formProblems(t, values);
    setProblems(found);
    setError(null);
    if (found.length) return;
    setWorking(true);
    try {
      const created = await api<CreatedOperator>('POST', '/operators', {
        name: values.name,
        role: scope.role,
        region: scope.region,
        username: values.username,
        ...(values.password ? { password: values.password } : {}),
      });
      formElement.reset();
      props.onAdded(created);
    } catch (refusal) {
      setProblems(problemsOf(refusal));
      setError(refusal);
    } finally {
      setWorking(false);
    }
  };
  return (
    <section aria-labelledby="add-operator-heading" class="card">
      <h2 id="add-operator-heading">{t('operators.add')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field id="operator-name" label={t('operators.name')} problems={problemsAt(problems, '/name')}>
          {(aria) => <input {...aria} name="name" maxLength={40} required autoComplete="off" />}
        </Field>
        <ScopeFields
          idPrefix="operator"
          role={scope.role}
          region={scope.region}
          problems={problems}
          onRole={scope.setRole}
          onRegion={scope.setRegion}
        />
        <Field
          id="operator-username"
          label={t('operators.username')}
          hint={t('operators.usernameHint')}
          problems={problemsAt(problems, '/username')}
        >
          {(aria) => (
            <input {...aria} name="username" maxLength={32} required autoComplete="off" autoCapitalize="none" />
          )}
        </Field>
        <Field
          id="operator-password"
          label={t('operators.firstPassword')}
          hint={t('operators.passwordHint', { count: MIN_PASSWORD })}
          problems={problemsAt(problems, '/password')}
        >
          {(aria) => <input {...aria} name="password" type="text" maxLength={200} autoComplete="new-password" />}
        </Field>
        <Refusal error={error} fields={['/name', '/role', '/region', '/username', '/password']} />
        <button type="submit" class="primary" disabled={working}>
          {t('operators.addSubmit')}
        </button>
      </form>
    </section>
  );
};

/** One operator's panel: their scope, disabling or enabling them, and a new password. */
const ManageOperator = (props: { operator: OperatorAccount; onDone: (message: string) => void }) => {
  const { t, session } = useConsole();
  const { operator } = props;
  const scope = useScope(operator.role, operator.region);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [reset, setReset] = useState<{ username: string; password?: string } | null>(null);
  const act = async (run: () => Promise<string>, checked: Problem[] = []) => {
    setProblems(checked);
    setError(null);
    if (checked.length) return;
    try {
      props.onDone(await run());
    } catch (refusal) {
      setProblems(problemsOf(refusal));
      setError(refusal);
    }
  };
  const saveScope = (event: Event) => {
    event.preventDefault();
    void act(async () => {
      await api('PATCH', `/operators/${operator.id}`, { role: scope.role, region: scope.region });
      return t('operators.scopeSaved', { name: operator.name });
    });
  };
  const resetPassword = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const username = String(form.get('username') ?? '')
      .trim()
      .toLowerCase();
    const password = String(form.get('password') ?? '');
    void act(
      async () => {
        const answer = await api<{ username: string; password?: string }>(
          'POST',
          `/operators/${operator.id}/password`,
          { username, ...(password ? { password } : {}) },
        );
        setReset(answer);
        return t('operators.passwordReset', { name: operator.name });
      },
      formProblems(t, { username, password }),
    );
  };
  const toggle = () =>
    void act(async () => {
      if (operator.disabledAt) await api('POST', `/operators/${operator.id}/enable`);
      else await api('DELETE', `/operators/${operator.id}`);
      return t(operator.disabledAt ? 'operators.enabled' : 'operators.disabled', { name: operator.name });
    });
  const id = `manage-${operator.id}`;
  // Opened from the list: the panel's heading takes the focus, so a phone scrolls to it and a screen reader starts there.
  useEffect(() => document.getElementById(`${id}-heading`)?.focus(), [id]);
  return (
    <section class="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} tabIndex={-1}>
        {t('operators.manageTitle', { name: operator.name })}
      </h2>
      <Refusal error={error} fields={['/role', '/region', '/username', '/password']} />
      {reset?.password && <PasswordShown username={reset.username} password={reset.password} />}
      <form onSubmit={saveScope} noValidate aria-labelledby={`${id}-scope`}>
        <h3 id={`${id}-scope`}>{t('operators.scope')}</h3>
        <ScopeFields
          idPrefix={id}
          role={scope.role}
          region={scope.region}
          problems={problems}
          onRole={scope.setRole}
          onRegion={scope.setRegion}
        />
        <button type="submit">{t('operators.saveScope')}</button>
      </form>
      <form onSubmit={resetPassword} noValidate aria-labelledby={`${id}-password`}>
        <h3 id={`${id}-password`}>{t('operators.resetTitle')}</h3>
        <Field id={`${id}-username`} label={t('operators.username')} problems={problemsAt(problems, '/username')}>
          {(aria) => (
            <input
              {...aria}
              name="username"
              maxLength={32}
              defaultValue={operator.username ?? ''}
              autoComplete="off"
              autoCapitalize="none"
            />
          )}
        </Field>
        <Field
          id={`${id}-new-password`}
          label={t('operators.newPassword')}
          hint={t('operators.passwordHint', { count: MIN_PASSWORD })}
          problems={problemsAt(problems, '/password')}
        >
          {(aria) => <input {...aria} name="password" type="text" maxLength={200} autoComplete="new-password" />}
        </Field>
        <button type="submit">{t('operators.resetSubmit')}</button>
      </form>
      <h3>{t('operators.access')}</h3>
      {operator.id === session.operator.id ? (
        <p class="note">{t('operators.self')}</p>
      ) : (
        <button type="button" onClick={toggle}>
          {t(operator.disabledAt ? 'operators.enable' : 'operators.disable')}
        </button>
      )}
    </section>
  );
};

export const Operators = () => {
  const { session, t, language, regions } = useConsole();
  const allowed = administers(session.operator.role);
  const list = useLoad(
    () => (allowed ? api<OperatorAccount[]>('GET', '/operators?all=true') : Promise.resolve([])),
    [allowed],
  );
  const [done, setDone] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedOperator | null>(null);
  const [managing, setManaging] = useState<number | null>(null);
  if (!allowed)
    return (
      <>
        <h1 tabIndex={-1}>{t('operators.title')}</h1>
        <ErrorMessage
          error={new ApiError(403, t('operators.notAllowed'), t('operators.notAllowed'))}
          {...{ language, t }}
        />
      </>
    );
  const managed = list.data?.find((o) => o.id === managing);
  const regionName = (code: string) => regions.get(code)?.name ?? code;
  return (
    <>
      <h1 tabIndex={-1}>{t('operators.title')}</h1>
      <p role="status" class="status">
        {done}
      </p>
      {created?.password && created.username && (
        <PasswordShown username={created.username} password={created.password} />
      )}
      {list.error ? (
        <ErrorMessage error={list.error} language={language} t={t} />
      ) : !list.data ? (
        <p>{t('app.loading')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('operators.caption', { count: list.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('operators.name')}</th>
                <th scope="col">{t('operators.username')}</th>
                <th scope="col">{t('operators.role')}</th>
                <th scope="col">{t('operators.region')}</th>
                <th scope="col">{t('table.status')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <button
                      type="button"
                      class="link"
                      aria-expanded={managing === o.id}
                      onClick={() => setManaging(managing === o.id ? null : o.id)}
                    >
                      {o.name}
                    </button>
                  </th>
                  <td>{o.username ?? t('operators.noUsername')}</td>
                  <td>{t(`role.${o.role}`)}</td>
                  <td>{regionName(o.region)}</td>
                  <td>{o.disabledAt ? t('operators.disabledState') : t('operators.activeState')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="note">{t('operators.manageHint')}</p>
      {managed && (
        <ManageOperator
          key={`${managed.id}-${managed.role}-${managed.region}-${managed.disabledAt ?? ''}`}
          operator={managed}
          onDone={(message) => {
            setDone(message);
            list.reload();
          }}
        />
      )}
      <AddOperator
        onAdded={(answer) => {
          setCreated(answer);
          setDone(t('operators.added', { name: answer.operator.name, username: answer.username ?? '' }));
          list.reload();
        }}
      />
    </>
  );
};
