/**
 * Main-thread work in a Chromium trace: how many ms the page's main thread was busy with
 * tasks inside a time window. The wall-clock time from a key press to its frame also holds
 * idle waits (for the next vsync, for a timer); this counts only the work.
 *
 * Time the main thread spends blocked on the GPU process is not counted as work. Headless
 * Chromium here has no GPU: it composites in software, so each frame of the WebGL canvas is
 * read back to the main thread (GLES2::ReadPixels) and the main thread waits while the GPU
 * process renders the frame with SwiftShader on the CPU. A box composites on its GPU and does
 * neither; the wait is reported on its own.
 */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
}

/** The trace categories this reads: top-level tasks, GPU waits and the page's marks. */
export const TRACE_CATEGORIES = ['toplevel', 'gpu', 'blink.user_timing'];
/** What DevTools' Performance panel records, for a trace saved to look at. */
export const TIMELINE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
  'blink',
];

/** Top-level tasks (the name depends on Chromium's version), and microtask checkpoints, which can run outside one. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
/** The main thread blocked until the GPU process has caught up. */
const GPU_WAITS = new Set(['CommandBufferProxyImpl::WaitForGetOffset', 'CommandBufferProxyImpl::WaitForToken']);

type Span = [number, number];

/** The union of spans, sorted and without overlaps (nested events are merged). */
const union = (spans: Span[]): Span[] => {
  const merged: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
};

const overlap = (spans: Span[], from: number, to: number): number => {
  let total = 0;
  for (const [start, end] of spans) total += Math.max(0, Math.min(to, end) - Math.max(from, start));
  return total;
};

export interface PressWork {
  /** ms of main-thread tasks, GPU waits left out. */
  work: number;
  /** ms the main thread was blocked on the GPU process. */
  gpuWait: number;
}

/**
 * For each mark named `markName`, in order, the main thread's work and GPU waits in the
 * `windowsMs[i]` milliseconds before it (the press that the mark ends).
 */
export const workBeforeMarks = (trace: Buffer, markName: string, windowsMs: number[]): PressWork[] => {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = events.filter((e) => e.name === markName).sort((a, b) => a.ts - b.ts);
  if (marks.length !== windowsMs.length)
    throw new Error(`trace has ${marks.length} "${markName}" marks for ${windowsMs.length} presses`);
  // The page's main thread: the renderer thread that made the marks.
  const { pid, tid } = marks[0]!;
  const spansOf = (names: Set<string>) =>
    union(
      events
        .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined && names.has(e.name))
        .map((e) => [e.ts, e.ts + e.dur!] as Span),
    );
  const tasks = spansOf(TASKS);
  if (!tasks.length) throw new Error('trace has no top-level tasks on the page main thread');
  const waits = spansOf(GPU_WAITS);
  return marks.map((mark, i) => {
    const end = mark.ts;
    const start = end - windowsMs[i]! * 1000;
    const gpuWait = overlap(waits, start, end) / 1000;
    return { work: overlap(tasks, start, end) / 1000 - gpuWait, gpuWait };
  });
};
