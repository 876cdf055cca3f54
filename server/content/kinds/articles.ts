/** Notices and news: read aloud as title, summary and body. */
import { itemList } from './itemList';

export const articles = itemList<'articles'>({ spokenParts: (body) => [body.title, body.summary, body.body] });
