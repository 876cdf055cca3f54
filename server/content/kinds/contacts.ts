/** The phone book of offices: items with nothing beyond their schema (their phones are public work phones). */
import { itemList } from './itemList';

export const contacts = itemList<'contacts'>();
