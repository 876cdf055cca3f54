/**
 * The live list of help requests in the operator's reach, looked at every few seconds while the
 * console is open (the request must be seen within minutes: polling a small list is enough and
 * keeps no connection open through the office's proxy).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api';
import type { HelpRequest } from './types';

export const HELP_POLL_MS = 3_000;

export const useHelpRequests = (signedIn: boolean, onSignedOut: () => void) => {
  const [help, setHelp] = useState<HelpRequest[] | null>(null);
  const refresh = useCallback(() => {
    if (!signedIn) return;
    api<HelpRequest[]>('GET', '/help').then(setHelp, (error: unknown) => {
      if (error instanceof ApiError && error.status === 401) onSignedOut();
    });
  }, [signedIn, onSignedOut]);
  useEffect(() => {
    if (!signedIn) return setHelp(null);
    refresh();
    const timer = setInterval(refresh, HELP_POLL_MS);
    return () => clearInterval(timer);
  }, [signedIn, refresh]);
  return { help, refreshHelp: refresh };
};
