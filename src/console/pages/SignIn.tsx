/** The sign-in page: a name and a password; a refusal (wrong password, lockout) is said next to the form. */
import { useState } from 'preact/hooks';
import { api, type Session } from '../api';
import { ErrorMessage } from '../components/ErrorMessage';
import type { ConsoleLanguage, Translate } from '../i18n';

export const SignIn = (props: { t: Translate; language: ConsoleLanguage; onSignedIn: (session: Session) => void }) => {
  const { t, language } = props;
  const [error, setError] = useState<unknown>(null);
  const [working, setWorking] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setWorking(true);
    setError(null);
    try {
      props.onSignedIn(
        await api<Session>('POST', '/session', { username: form.get('username'), password: form.get('password') }),
      );
    } catch (refusal) {
      setError(refusal);
      setWorking(false);
    }
  };
  return (
    <main id="main" class="narrow" tabIndex={-1}>
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
        <label for="username">{t('signIn.username')}</label>
        <input id="username" name="username" autocomplete="username" required autoFocus />
        <label for="password">{t('signIn.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        {error ? <ErrorMessage error={error} language={language} t={t} id="sign-in-error" /> : null}
        <button type="submit" disabled={working}>
          {working ? t('signIn.working') : t('signIn.submit')}
        </button>
      </form>
    </main>
  );
};
