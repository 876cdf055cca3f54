/**
 * The village profile (村情简介): title, the text in the small Markdown, and key figures one a line
 * as "label：value". Its photos are kept as they are (they come with the sample or the command line).
 */
import { useConsole } from '../context';
import type { KindFormProps } from './formProps';
import { markdownFromParagraphs, paragraphsFromMarkdown } from './markdown';
import { lines, readFields, TextField } from './TextField';

interface Figure {
  label: string;
  value: string;
}

/** "户数：326" (or with an ASCII colon) → { label: '户数', value: '326' }; a line with no colon is all label. */
const figureOf = (line: string): Figure => {
  const [label = '', ...rest] = line.split(/[:：]/);
  return { label: label.trim(), value: rest.join('：').trim() };
};

export const ProfileForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t } = useConsole();
  const submit = (event: Event) => {
    event.preventDefault();
    const fields = readFields(event.currentTarget as HTMLFormElement, ['title', 'body', 'figures']);
    void save({
      title: fields.title,
      body: paragraphsFromMarkdown(fields.body ?? ''),
      figures: lines(fields.figures ?? '').map(figureOf),
      photos: (current.photos as unknown[] | undefined) ?? [],
    });
  };
  const field = { form: 'profile', problems };
  const figures = ((current.figures as Figure[] | undefined) ?? []).map((f) => `${f.label}：${f.value}`).join('\n');
  return (
    <form onSubmit={submit} noValidate>
      <TextField {...field} name="title" label={t('item.fieldTitle')} max={60} value={current.title} />
      <TextField
        {...field}
        name="body"
        label={t('form.articleBody')}
        hint={t('form.markdownHint')}
        max={20_000}
        rows={10}
        value={markdownFromParagraphs((current.body as string[] | undefined) ?? [])}
      />
      <TextField
        {...field}
        name="figures"
        label={t('form.profileFigures')}
        hint={t('form.profileFiguresHint')}
        max={2000}
        rows={5}
        value={figures}
      />
      {footer}
      <button type="submit" class="primary">
        {t('item.submit')}
      </button>
    </form>
  );
};
