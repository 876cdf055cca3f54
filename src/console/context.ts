/** What every page reads: the signed-in operator, the translator, region names, the live help requests, and a way to refresh the counts. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Region, Session } from './api';
import type { ConsoleLanguage, Translate } from './i18n';
import type { HelpRequest } from './voice/types';

export interface ConsoleContext {
  session: Session;
  language: ConsoleLanguage;
  t: Translate;
  regions: Map<string, Region>;
  /** Reloads what waits for the operator (the tab title's count) after they acted. */
  refreshWaiting: () => void;
  /** The help requests in the operator's reach, looked at every few seconds (voice/useHelpRequests.ts). */
  help: HelpRequest[] | null;
  refreshHelp: () => void;
}

export const Console = createContext<ConsoleContext | null>(null);

export const useConsole = (): ConsoleContext => {
  const context = useContext(Console);
  if (!context) throw new Error('useConsole outside the signed-in console');
  return context;
};

/** Which roles review drafts and which publish: the API checks both again (permissions.ts). */
export const reviews = (role: string) => role === 'committee' || role === 'street' || role === 'admin';
export const publishes = (role: string) => role === 'street' || role === 'admin';
/** Who books a village's ledger: its clerk (permissions.ts checks again). */
export const editsLedger = (role: string) => role === 'clerk';
/** Who manages operators: the district admin only (permissions.ts: 'administer'). */
export const administers = (role: string) => role === 'admin';
/** Who sees the regions' state: the district, and a street for its own villages. */
export const seesRegions = (role: string) => role === 'street' || role === 'admin';
/** Who binds a village's boxes: its clerk, or the district (permissions.ts checks 'edit' again). */
export const bindsBoxes = (operator: { role: string; region: string }, village: string) =>
  operator.role === 'admin' || (operator.role === 'clerk' && operator.region === village);
