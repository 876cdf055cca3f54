/**
 * A notice or news article: title, optional summary, the body in a small safe Markdown
 * (markdown.ts), and photos sent through the service's upload, which shrinks them for the TV.
 */
import { useState } from 'preact/hooks';
import { useConsole } from '../context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field } from './Field';
import type { KindFormProps } from './formProps';
import { markdownFromParagraphs, paragraphsFromMarkdown } from './markdown';
import { problemsAt } from './problems';
import { uploadImage } from './upload';

interface Photo {
  src: string;
  width: number;
  height: number;
  caption?: string;
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const ArticleForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t, language, session } = useConsole();
  const [photos, setPhotos] = useState<Photo[]>((current.photos as Photo[] | undefined) ?? []);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const addPhotos = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = '';
    setUploadError(null);
    setUploading(true);
    try {
      // One at a time: the service decodes at most two images at once for everyone.
      for (const file of files) {
        const image = await uploadImage(file, session.csrfToken);
        setPhotos((list) => [...list, image]);
      }
    } catch (refusal) {
      setUploadError(refusal);
    } finally {
      setUploading(false);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const summary = text(form, 'summary');
    const shown = photos.map((photo, i) => {
      const caption = text(form, `caption-${i}`);
      return { src: photo.src, width: photo.width, height: photo.height, ...(caption ? { caption } : {}) };
    });
    void save({
      title: text(form, 'title'),
      ...(summary ? { summary } : {}),
      body: paragraphsFromMarkdown(String(form.get('body') ?? '')),
      ...(shown.length ? { photos: shown } : {}),
      // A video is kept as it was: the console does not edit videos.
      ...(current.video ? { video: current.video } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Field id="article-title" label={t('item.fieldTitle')} problems={problemsAt(problems, '/title')}>
        {(aria) => <input {...aria} name="title" required maxLength={80} defaultValue={String(current.title ?? '')} />}
      </Field>
      <Field id="article-summary" label={t('form.summary')} problems={problemsAt(problems, '/summary')}>
        {(aria) => <input {...aria} name="summary" maxLength={200} defaultValue={String(current.summary ?? '')} />}
      </Field>
      <Field
        id="article-body"
        label={t('form.articleBody')}
        hint={t('form.markdownHint')}
        problems={problemsAt(problems, '/body')}
      >
        {(aria) => (
          <textarea
            {...aria}
            name="body"
            required
            rows={12}
            defaultValue={markdownFromParagraphs((current.body as string[] | undefined) ?? [])}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('form.photos')}</legend>
        {photos.length === 0 && <p>{t('form.noPhotos')}</p>}
        <ol class="photos">
          {photos.map((photo, i) => (
            <li key={photo.src}>
              <Field
                id={`photo-${i}`}
                label={t('form.photoCaption', { n: i + 1, width: photo.width, height: photo.height })}
                problems={problemsAt(problems, `/photos/${i}`)}
              >
                {(aria) => <input {...aria} name={`caption-${i}`} maxLength={120} defaultValue={photo.caption ?? ''} />}
              </Field>
              <button type="button" onClick={() => setPhotos(photos.filter((_, j) => j !== i))}>
                {t('form.removePhoto', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ol>
        <label for="article-photo-file">{t('form.addPhotos')}</label>
        <input
          id="article-photo-file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          disabled={uploading}
          onChange={(e) => void addPhotos(e.currentTarget)}
        />
        <p class="status" aria-live="polite">
          {uploading ? t('form.uploading') : ''}
        </p>
        {uploadError ? <ErrorMessage error={uploadError} language={language} t={t} /> : null}
      </fieldset>
      {footer}
      <button type="submit" class="primary" disabled={uploading}>
        {t('item.submit')}
      </button>
    </form>
  );
};
