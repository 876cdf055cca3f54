/** A short clip full screen with the SDK's VideoPlayer; OK pauses, Back stops and returns. */
import { Router, VideoPlayer } from '@lightningjs/sdk';
import { text } from '../components/text';
import type { VideoModel } from '../data/models';
import { box } from '../context';
import { t } from '../../i18n';
import { contentTop } from '../components/Chrome';
import { COLOR, SAFE, TYPE } from '../theme';
import { Page } from './Page';

export class VideoPage extends Page {
  static override _template() {
    return {
      ...super._template(),
      Title: { x: SAFE.x, y: contentTop(), ...text('', { size: TYPE.title, width: SAFE.w, maxLines: 2 }) },
      Status: {
        x: 960,
        y: 540,
        mount: 0.5,
        ...text(t('state.loading'), { size: TYPE.title, color: COLOR.textSecondary }),
      },
    };
  }

  set video(model: VideoModel) {
    this.setChrome(model.crumbs, t('hint.video'));
    this.tag('Title').text.text = model.title;
    VideoPlayer.consumer(this);
    VideoPlayer.position(0, 0);
    VideoPlayer.size(1920, 1080);
    VideoPlayer.open(box().store.client.url(model.src));
  }

  $videoPlayerPlaying() {
    VideoPlayer.show();
    this.tag('Status').text.text = t('video.playing');
  }

  $videoPlayerPause() {
    this.tag('Status').text.text = t('video.paused');
  }

  $videoPlayerError() {
    VideoPlayer.hide();
    this.tag('Status').text.text = t('video.unavailable');
  }

  override _handleEnter() {
    VideoPlayer.playPause();
  }

  override _handleBack() {
    VideoPlayer.close();
    Router.back();
  }

  override _detach() {
    VideoPlayer.close();
  }
}
