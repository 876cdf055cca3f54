/** Service guides: items with nothing beyond their schema. */
import { itemList } from './itemList';

export const guide = itemList<'guide'>();
