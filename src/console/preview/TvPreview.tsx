/**
 * The TV as a household will see it with this draft published: the real TV app in a frame,
 * 1920×1080 (or 1280×720) scaled down to the column's width, opened on the item. The operator
 * drives it with the remote's keys once the frame has the focus.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useConsole } from '../context';
import { previewUrl, villageShowing, type PreviewedDraft } from './previewUrl';

const SCREENS = { '1080': [1920, 1080], '720': [1280, 720] } as const;
type Screen = keyof typeof SCREENS;

const inspectorAsked = () => new URLSearchParams(location.search).get('inspector') === '1';

export const TvPreview = (props: { draft: PreviewedDraft }) => {
  const { t, regions } = useConsole();
  const [screen, setScreen] = useState<Screen>('1080');
  const [width, height] = SCREENS[screen];
  const [scale, setScale] = useState(0.3);
  const holder = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const fit = () => setScale(element.clientWidth / width);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => observer.disconnect();
  }, [width]);
  const village = villageShowing(regions, props.draft.region);
  if (!village) return null;
  const id = `preview-${props.draft.id}`;
  return (
    <section class="tv-preview" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('preview.heading')}</h3>
      <div class="tv-preview-tools">
        <label for={`${id}-screen`}>{t('preview.screen')}</label>
        <select id={`${id}-screen`} value={screen} onChange={(e) => setScreen(e.currentTarget.value as Screen)}>
          <option value="1080">1920 × 1080</option>
          <option value="720">1280 × 720</option>
        </select>
        <button type="button" onClick={() => (frame.current?.focus(), frame.current?.contentWindow?.focus())}>
          {t('preview.drive')}
        </button>
      </div>
      <div class="tv-preview-screen" ref={holder} style={{ height: `${Math.round(height * scale)}px` }}>
        <iframe
          key={`${props.draft.id}-${screen}`}
          ref={frame}
          src={previewUrl(props.draft, village, inspectorAsked())}
          title={t('preview.frameTitle', { id: props.draft.item_id })}
          // A whole TV app: started only once the operator scrolls it into view.
          loading="lazy"
          width={width}
          height={height}
          style={{ transform: `scale(${scale})` }}
        />
      </div>
      <p class="note">{t('preview.keys')}</p>
    </section>
  );
};
