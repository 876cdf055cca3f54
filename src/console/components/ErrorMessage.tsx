/** A refusal as the service worded it, in the console's language, with each problem's item and field. */
import { ApiError } from '../api';
import type { ConsoleLanguage, Translate } from '../i18n';

export const messageOf = (error: unknown, language: ConsoleLanguage, t: Translate): string => {
  if (error instanceof ApiError)
    return error.status === 0 ? t('error.network') : error[language === 'en' ? 'en' : 'zh'];
  return String(error);
};

export const ErrorMessage = (props: { error: unknown; language: ConsoleLanguage; t: Translate; id?: string }) => {
  const { error, language, t } = props;
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div class="error" role="alert" id={props.id}>
      <p>{messageOf(error, language, t)}</p>
      {problems.length > 0 && (
        <>
          <p>{t('error.problems')}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                {[p.item, p.field].filter(Boolean).join(' · ')}
                {p.item || p.field ? '：' : ''}
                {language === 'en' ? p.en : p.zh}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};
