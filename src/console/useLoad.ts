/** Loads what a page shows, again when its inputs change or it asks (reload), and keeps the refusal if any. */
import { useCallback, useEffect, useState } from 'preact/hooks';

export const useLoad = <T>(load: () => Promise<T>, inputs: unknown[]) => {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
    // The page names what the load depends on (inputs); `load` is a new closure each render.
  }, [...inputs, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
};
