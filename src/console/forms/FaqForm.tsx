/**
 * A group of policy questions (政策问答): the group is named by its title (the item's id) and
 * pushed again whole; each question keeps its id and first publish time, a new one gets an id.
 */
import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import type { KindFormProps } from './formProps';
import { markdownFromParagraphs, paragraphsFromMarkdown } from './markdown';
import { problemsAt } from './problems';
import { TextField } from './TextField';
import { FieldProblems } from './Field';

interface Question {
  id: string;
  question: string;
  answer: string[];
  [kept: string]: unknown;
}

const newId = () => `q-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;

export const FaqForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t } = useConsole();
  const [questions, setQuestions] = useState<Question[]>(
    () => (current.items as Question[] | undefined) ?? [{ id: newId(), question: '', answer: [] }],
  );
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    void save({
      items: questions.map((q, i) => ({
        ...q,
        question: String(form.get(`question-${i}`) ?? '').trim(),
        answer: paragraphsFromMarkdown(String(form.get(`answer-${i}`) ?? '')),
      })),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <FieldProblems id="faq-problems" problems={problemsAt(problems, '/title')} />
      {questions.map((q, i) => (
        <fieldset key={q.id}>
          <legend>{t('form.faqQuestionN', { n: i + 1 })}</legend>
          <TextField
            form={`faq-${i}`}
            name={`question-${i}`}
            label={t('form.faqQuestion')}
            max={200}
            value={q.question}
            problems={problemsAt(problems, `/items/${i}/question`).map((p) => ({ ...p, field: `/question-${i}` }))}
          />
          <TextField
            form={`faq-${i}`}
            name={`answer-${i}`}
            label={t('form.faqAnswer')}
            hint={t('form.markdownHint')}
            max={20_000}
            rows={5}
            value={markdownFromParagraphs(q.answer)}
            problems={problemsAt(problems, `/items/${i}/answer`).map((p) => ({ ...p, field: `/answer-${i}` }))}
          />
          <button type="button" onClick={() => setQuestions(questions.filter((_, j) => j !== i))}>
            {t('form.faqRemove', { n: i + 1 })}
          </button>
        </fieldset>
      ))}
      <p>
        <button type="button" onClick={() => setQuestions([...questions, { id: newId(), question: '', answer: [] }])}>
          {t('form.faqAdd')}
        </button>
      </p>
      {footer}
      <button type="submit" class="primary">
        {t('item.submit')}
      </button>
    </form>
  );
};
