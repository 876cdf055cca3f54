/** Villagers' questions: read aloud as title, question and answer. */
import { itemList } from './itemList';

export const qa = itemList<'qa'>({ spokenParts: (body) => [body.title, body.question, body.answer] });
