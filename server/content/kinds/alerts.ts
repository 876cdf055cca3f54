/** The emergency broadcast: every alert is read aloud, title and body. */
import { itemList } from './itemList';

export const alerts = itemList<'alerts'>({ spokenParts: (body) => [body.title, body.summary, body.body] });
