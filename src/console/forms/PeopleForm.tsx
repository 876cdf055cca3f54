/**
 * A village official (村干部): name, post, duties, work phone and a photo. The photo is chosen,
 * a rectangle drawn around the face (PhotoCrop), then sent with that rectangle to the service,
 * which cuts, turns upright, shrinks and strips it of EXIF (media.ts).
 */
import { useState } from 'preact/hooks';
import { readAsDataUrl } from '../ledger/files';
import { useConsole } from '../context';
import { ErrorMessage } from '../components/ErrorMessage';
import { Field, FieldProblems } from './Field';
import type { KindFormProps } from './formProps';
import { PhotoCrop } from './PhotoCrop';
import { problemsAt } from './problems';
import { uploadImage, type CropBox, type UploadedImage } from './upload';

const FIELDS = [
  { name: 'name', label: 'form.personName', max: 10 },
  { name: 'role', label: 'form.personRole', max: 30 },
  { name: 'phone', label: 'form.personPhone', max: 20 },
] as const;

export const PeopleForm = ({ current, problems, save, footer }: KindFormProps) => {
  const { t, language, session } = useConsole();
  const [photo, setPhoto] = useState<UploadedImage | null>((current.photo as UploadedImage | undefined) ?? null);
  const [chosen, setChosen] = useState<{ file: File; url: string } | null>(null);
  const [crop, setCrop] = useState<CropBox | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  // Shown from a data: URL (the console's CSP allows no blob: images); sent as the file's own bytes.
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    setUploadError(null);
    setCrop(null);
    setChosen(file ? { file, url: await readAsDataUrl(file) } : null);
  };
  const usePhoto = async () => {
    if (!chosen) return;
    setUploading(true);
    setUploadError(null);
    try {
      setPhoto(await uploadImage(chosen.file, session.csrfToken, crop ?? undefined));
      setChosen(null);
    } catch (refusal) {
      setUploadError(refusal);
    } finally {
      setUploading(false);
    }
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const body: Record<string, unknown> = {};
    for (const name of ['name', 'role', 'duties', 'phone']) body[name] = String(form.get(name) ?? '').trim();
    if (photo) body.photo = { src: photo.src, width: photo.width, height: photo.height };
    void save(body);
  };
  return (
    <form onSubmit={submit} noValidate>
      {FIELDS.map((f) => (
        <Field key={f.name} id={`person-${f.name}`} label={t(f.label)} problems={problemsAt(problems, `/${f.name}`)}>
          {(aria) => (
            <input
              {...aria}
              name={f.name}
              required
              maxLength={f.max}
              inputMode={f.name === 'phone' ? 'tel' : 'text'}
              defaultValue={String(current[f.name] ?? '')}
            />
          )}
        </Field>
      ))}
      <Field id="person-duties" label={t('form.personDuties')} problems={problemsAt(problems, '/duties')}>
        {(aria) => (
          <textarea
            {...aria}
            name="duties"
            required
            rows={3}
            maxLength={200}
            defaultValue={String(current.duties ?? '')}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t('form.personPhoto')}</legend>
        {photo ? (
          <figure class="person-photo">
            <img src={`/feed/${photo.src}`} alt={t('form.personPhotoNow')} width={photo.width} height={photo.height} />
            <figcaption>{t('form.personPhotoSize', { width: photo.width, height: photo.height })}</figcaption>
          </figure>
        ) : (
          <p>{t('form.personNoPhoto')}</p>
        )}
        <label for="person-photo-file">{t(photo ? 'form.personPhotoReplace' : 'form.personPhotoChoose')}</label>
        <input
          id="person-photo-file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          disabled={uploading}
          onChange={(e) => void choose(e.currentTarget)}
        />
        {chosen && (
          <>
            <PhotoCrop photo={chosen.url} crop={crop} onChange={setCrop} />
            <button type="button" class="primary" disabled={uploading} onClick={() => void usePhoto()}>
              {t(crop ? 'form.cropUse' : 'form.cropUseWhole')}
            </button>
          </>
        )}
        <p class="status" aria-live="polite">
          {uploading ? t('form.uploading') : ''}
        </p>
        {uploadError ? <ErrorMessage error={uploadError} language={language} t={t} /> : null}
        <FieldProblems id="person-photo-problems" problems={problemsAt(problems, '/photo')} />
      </fieldset>
      {footer}
      <button type="submit" class="primary" disabled={uploading || !!chosen}>
        {t('item.submit')}
      </button>
    </form>
  );
};
