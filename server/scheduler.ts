/** Publishes at the times operators set; checked every few seconds. */
import { appendAudit } from './audit/auditLog';
import { PublishRejected } from './publish/publisher';
import type { Service } from './service';

const CHECK_MS = 5_000;

export const runDuePublishes = (service: Service, now: number): number[] => {
  const due = service.db.prepare('SELECT id, at, created_by FROM scheduled_publishes WHERE done_version IS NULL').all() as { id: number; at: string; created_by: number }[];
  const published: number[] = [];
  for (const job of due.filter((j) => Date.parse(j.at) <= now)) {
    try {
      const result = service.publisher.publish(job.created_by);
      service.db.prepare('UPDATE scheduled_publishes SET done_version = ? WHERE id = ?').run(result.version, job.id);
      published.push(result.version);
    } catch (error) {
      if (!(error instanceof PublishRejected)) throw error;
      // Recorded and dropped: the operator sees it in the audit log and publishes again.
      service.db.prepare('UPDATE scheduled_publishes SET done_version = 0 WHERE id = ?').run(job.id);
      appendAudit(service.db, { operatorId: job.created_by, action: 'publish.refused', target: `publish ${job.id}`, after: { problems: error.problems.slice(0, 5) } });
    }
  }
  return published;
};

export const startScheduler = (service: Service): (() => void) => {
  const timer = setInterval(() => runDuePublishes(service, Date.now()), CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
};
