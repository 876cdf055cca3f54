/**
 * Paths of routes that view models link to, each with its typed builder, so that the path the
 * router declares and the targets built for it cannot drift apart. No SDK here: view models
 * are built and tested without it.
 */

/** The picker's last step: the router hands the code to the route's hook (routes.ts). */
export const CHOOSE_VILLAGE_PATH = 'choose/:village';
export const chooseVillageTarget = (code: string): string => `choose/${code}`;
