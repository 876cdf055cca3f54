/**
 * Who may do what, where. Regions nest: district ⊃ street ⊃ village.
 * - clerk: drafts for their own village;
 * - committee (村务监督委员会): approves or rejects their own village's drafts;
 * - street reviewer: drafts for their street's own sub-channels, and reviews the street's
 *   and its villages' drafts; may publish;
 * - admin (district): everything, plus operators and tokens.
 */
import type { Db } from '../db/database';
import type { Operator } from './operators';

export type Action = 'edit' | 'review' | 'publish' | 'administer';

/** The street a region belongs to (itself for a street), or null for the district. */
const streetOf = (db: Db, region: string): string | null => {
  const row = db.prepare('SELECT level, parent FROM regions WHERE code = ?').get(region) as
    { level: string; parent: string | null } | undefined;
  if (!row) return null;
  if (row.level === 'street') return region;
  if (row.level === 'village') return row.parent;
  return null;
};

export const can = (db: Db, operator: Operator, action: Action, region?: string): boolean => {
  if (operator.role === 'admin') return true;
  switch (action) {
    case 'administer':
      return false;
    case 'publish':
      return operator.role === 'street';
    case 'edit':
      if (operator.role === 'clerk') return region === operator.region;
      if (operator.role === 'street') return region === operator.region;
      return false;
    case 'review':
      if (operator.role === 'committee') return region === operator.region;
      if (operator.role === 'street') return !!region && streetOf(db, region) === operator.region;
      return false;
  }
};
