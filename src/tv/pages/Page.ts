/** Every screen below home: the breadcrumb and hint bar around the page's own content. */
import { Lightning } from '@lightningjs/sdk';
import { Chrome } from '../components/Chrome';
import type { Utterance } from '../speech/speaker';

/** Marks a component as a Router page, which gives it historyState and the page hooks. */
export interface PageTypeConfig extends Lightning.Component.TypeConfig {
  IsPage: true;
}

export class Page extends Lightning.Component<Lightning.Component.TemplateSpecLoose, PageTypeConfig> {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return { w: 1920, h: 1080, Chrome: { type: Chrome } };
  }

  protected setChrome(crumbs: string[], hint: string): void {
    this.tag('Chrome').patch({ crumbs, hint });
  }

  /** Said when the page itself has the focus (it has nothing focusable): its title. */
  speech(): Utterance {
    const title = this.tag('Title');
    return { text: title?.text?.text ?? '' };
  }
}
