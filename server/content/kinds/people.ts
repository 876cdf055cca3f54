/** The village cadres: items with nothing beyond their schema (their phones are public work phones). */
import { itemList } from './itemList';

export const people = itemList<'people'>();
