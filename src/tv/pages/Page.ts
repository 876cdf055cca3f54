/** Every screen below home: the breadcrumb and hint bar around the page's own content. */
import { Lightning } from '@lightningjs/sdk';
import { Chrome } from '../components/Chrome';

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
}
