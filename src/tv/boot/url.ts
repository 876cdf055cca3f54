/** `href` with one query parameter set, keeping the hash (the router's current page). */
export const withParam = (href: string, name: string, value: string): string => {
  const hashAt = href.indexOf('#');
  const hash = hashAt < 0 ? '' : href.slice(hashAt);
  const base = hashAt < 0 ? href : href.slice(0, hashAt);
  const queryAt = base.indexOf('?');
  const params = new URLSearchParams(queryAt < 0 ? '' : base.slice(queryAt + 1));
  params.set(name, value);
  return `${queryAt < 0 ? base : base.slice(0, queryAt)}?${params.toString()}${hash}`;
};
