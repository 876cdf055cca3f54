/** Pages are addressed by the URL's hash (#/review, #/items/370703001001/14/notice-1), so the service serves one page. */
import { useEffect, useState } from 'preact/hooks';

export type Route =
  | { page: 'dashboard' }
  | { page: 'review' }
  | { page: 'publish' }
  | { page: 'versions' }
  | { page: 'audit' }
  | { page: 'ledger' }
  | { page: 'operators' }
  | { page: 'regions' }
  | { page: 'households'; village: string | null }
  | { page: 'questions' }
  | { page: 'help' }
  | { page: 'polls' }
  | { page: 'item'; region: string; channel: number; itemId: string }
  | { page: 'notFound' };

export const parseRoute = (hash: string): Route => {
  const path = hash.replace(/^#\/?/, '');
  if (path === '') return { page: 'dashboard' };
  if (path === 'operators' || path === 'regions') return { page: path };
  const households = /^households(?:\/(\d{12}))?$/.exec(path);
  if (households) return { page: 'households', village: households[1] ?? null };
  if (path === 'review' || path === 'publish' || path === 'versions' || path === 'ledger' || path === 'audit')
    return { page: path };
  if (path === 'questions' || path === 'help' || path === 'polls') return { page: path };
  const item = /^items\/(\d{12})\/(\d{1,2})\/([^/]{1,64})$/.exec(path);
  if (item) return { page: 'item', region: item[1]!, channel: Number(item[2]), itemId: decodeURIComponent(item[3]!) };
  return { page: 'notFound' };
};

export const itemHref = (region: string, channel: number, itemId: string) =>
  `#/items/${region}/${channel}/${encodeURIComponent(itemId)}`;

export const householdsHref = (village: string) => `#/households/${village}`;

export const useRoute = (): Route => {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
};
