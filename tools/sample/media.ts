/**
 * Images of the sample: rendered once, written under media/, and referenced from the feed
 * with their true size. The large run shares a small pool of images instead of drawing one
 * per voucher, so it stays quick; the paths are real either way.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ImageRef, Receipt } from '../../src/feed/schema';
import type { Rng } from './prng';
import { PORTRAIT, SCENE, renderPortrait, renderScene, type SceneKind } from './render/photo';
import { RECEIPT_HEIGHT, RECEIPT_WIDTH, receiptKindLabel, renderReceipt, type ReceiptInput } from './render/receipt';

const POOL_SIZE = 4;

export class Media {
  files = 0;
  bytes = 0;
  private readonly pools = new Map<string, string[]>();

  constructor(
    private readonly root: string,
    private readonly mode: 'each' | 'pool',
  ) {}

  private write(path: string, data: Buffer): void {
    const full = join(this.root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, data);
    this.files += 1;
    this.bytes += data.length;
  }

  /** In pool mode, the first few images of a kind are drawn and later ones reuse them in turn. */
  private pooled(key: string, index: number, path: string, draw: () => Buffer): string {
    if (this.mode === 'each') {
      this.write(path, draw());
      return path;
    }
    const pool = this.pools.get(key) ?? [];
    this.pools.set(key, pool);
    if (pool.length < POOL_SIZE) {
      const shared = `media/pool/${key}-${pool.length + 1}.jpg`;
      this.write(shared, draw());
      pool.push(shared);
      return shared;
    }
    return pool[index % pool.length] as string;
  }

  receipt(path: string, index: number, paysFor: boolean, input: ReceiptInput): Receipt {
    const kind = receiptKindLabel(input.spec, paysFor);
    const src = this.pooled(`receipt-${input.spec.kind}`, index, path, () => renderReceipt(input));
    return { src, width: RECEIPT_WIDTH, height: RECEIPT_HEIGHT, kind };
  }

  portrait(
    path: string,
    index: number,
    rng: Rng,
    person: { name: string; role: string; sex: 'male' | 'female' },
  ): ImageRef {
    const src = this.pooled(`portrait-${person.sex}`, index, path, () =>
      renderPortrait(rng, person.name, person.role, person.sex),
    );
    return { src, width: PORTRAIT.width, height: PORTRAIT.height, caption: person.name };
  }

  scene(path: string, index: number, rng: Rng, kind: SceneKind, caption: string): ImageRef {
    const src = this.pooled(`scene-${kind}`, index, path, () => renderScene(rng, kind, caption));
    return { src, width: SCENE.width, height: SCENE.height, caption };
  }
}
