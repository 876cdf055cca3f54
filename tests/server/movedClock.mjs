// Preloaded into the service (NODE_OPTIONS=--import) by tests that move its clock: from
// SANWU_CLOCK_ORIGIN (epoch ms) on, Date.now() runs SANWU_CLOCK_SPEED times as fast, so
// days pass in seconds. Timers keep real time: the service's checks still run every few seconds.
const origin = Number(process.env.SANWU_CLOCK_ORIGIN);
const speed = Number(process.env.SANWU_CLOCK_SPEED);
if (!Number.isFinite(origin) || !Number.isFinite(speed))
  throw new Error('movedClock.mjs needs SANWU_CLOCK_ORIGIN and SANWU_CLOCK_SPEED');
const realNow = Date.now.bind(Date);
Date.now = () => Math.round(origin + (realNow() - origin) * speed);
