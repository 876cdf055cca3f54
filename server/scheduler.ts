/**
 * Publishes at the times operators set, re-signs the manifest daily so that it never expires
 * while the service runs, and seals bound boxes' pages again before theirs do; checked every
 * few seconds.
 */
import { appendAudit } from './audit/auditLog';
import { lastSignedAt } from './content/repository';
import { markPublishDone, waitingPublishes } from './content/schedule';
import { PublishRejected } from './publish/publisher';
import { publishNow, type Service } from './service';
import { whenNotBusy } from './db/whenNotBusy';
import { resealDue } from './household/sealing';

const CHECK_MS = 5_000;

export const runDuePublishes = async (service: Service, now: number): Promise<number[]> => {
  const due = waitingPublishes(service.db);
  const published: number[] = [];
  for (const job of due.filter((j) => Date.parse(j.at) <= now)) {
    try {
      const result = await publishNow(service, job.created_by);
      await whenNotBusy(() => markPublishDone(service.db, job.id, result.version));
      published.push(result.version);
    } catch (error) {
      if (!(error instanceof PublishRejected)) throw error;
      // Recorded and dropped: the operator sees it in the audit log and publishes again.
      await whenNotBusy(() =>
        service.db.transaction(() => {
          markPublishDone(service.db, job.id, 0);
          appendAudit(service.db, {
            operatorId: job.created_by,
            action: 'publish.refused',
            target: `publish ${job.id}`,
            after: { problems: error.feedProblems.slice(0, 5) },
          });
        })(),
      );
    }
  }
  return published;
};

/** Re-signed this long after the last signing; a manifest lives 7 days, so boxes never see it lapse. */
const RESIGN_AFTER_MS = 86_400_000;

/**
 * Re-signs the manifest when the last signing is a day old, or when the served manifest is not
 * signed by the current keys (the first start after `sanwu rotate-key`: boxes get a manifest
 * signed by the new key and the old at once, not a day later); returns the new version, if any.
 * It runs on the publishing thread, after any publish already queued there, so none is under way.
 */
export const resignIfDue = async (service: Service, now: number): Promise<number | null> => {
  if (now - lastSignedAt(service.db) < RESIGN_AFTER_MS && service.publisher.servedSignedByCurrentKeys()) return null;
  return service.publishing.run({ kind: 'resign', now });
};

export const startScheduler = (service: Service): (() => void) => {
  // At once too: a service that was down past a manifest's expiry must not wait for a tick.
  let running = true;
  resignIfDue(service, Date.now())
    .catch((error: unknown) => console.error(error))
    .finally(() => (running = false));
  const timer = setInterval(() => {
    // One at a time: a publish with speech clips can outlast the interval.
    if (running) return;
    running = true;
    runDuePublishes(service, Date.now())
      .then(() => resignIfDue(service, Date.now()))
      // Bound boxes' pages are sealed again before their `until` (a few a tick at most).
      .then(() => (service.readOnly ? 0 : whenNotBusy(() => resealDue(service, Date.now()))))
      .catch((error: unknown) => console.error(error))
      .finally(() => (running = false));
  }, CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
};
