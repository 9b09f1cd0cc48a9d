// Long views are built a slice at a time: every view's job does its first step at once,
// in the caller's task, so the top of every view appears with the report; then the jobs
// take turns, a few milliseconds of steps per frame in all, each frame laid out and
// painted before the next steps run. A report of a megabyte or with 20,000 metrics then
// never blocks the page for long: the browser's layout and style work grow with the DOM
// added between two frames, and that is bounded here. A new job on the same view cancels
// the one before.

/** Milliseconds of steps, all jobs together, between two frames. */
const FRAME_BUDGET_MS = 10;

/** A channel whose messages run the jobs (a task like any other, never clamped). */
const channel = new MessageChannel();
/** @type {(() => void)[]} */
const resumes = [];
channel.port1.onmessage = () => resumes.shift()?.();

/**
 * Resolves in a task of its own, soon.
 * @returns {Promise<void>}
 */
export function yieldToBrowser() {
  return new Promise((resolve) => {
    resumes.push(resolve);
    channel.port2.postMessage(null);
  });
}

/**
 * Resolves once the next frame has been produced (right away in a hidden page, which
 * produces none).
 * @returns {Promise<void>}
 */
function afterNextFrame() {
  if (document.hidden) return yieldToBrowser();
  return new Promise((resolve) => requestAnimationFrame(() => yieldToBrowser().then(resolve)));
}

/** A job's next step and what to tell its view when it ends. @typedef {{step: () => boolean, done: (finished: boolean) => void}} Job */

/** The jobs with steps left, in turn. @type {Job[]} */
const jobs = [];
let pumping = false;

/** Runs steps of the jobs in turn, FRAME_BUDGET_MS per frame, until none is left. */
async function pump() {
  pumping = true;
  while (jobs.length) {
    await afterNextFrame();
    const start = performance.now();
    while (jobs.length && performance.now() - start < FRAME_BUDGET_MS) {
      const job = /** @type {Job} */ (jobs.shift());
      if (job.step()) jobs.push(job);
      else job.done(true);
    }
  }
  pumping = false;
}

/** One view's work in slices; starting new work cancels what was still running. */
export class Sliced {
  /** @type {Job | null} */
  #current = null;

  /**
   * Calls `step` once at once (unless `later`), then in turns with the other views' jobs
   * until it returns false.
   * @param {() => boolean} step does a small piece of work; false when there is no more
   * @param {boolean} [later] the first step too waits for its turn
   * @returns {Promise<boolean>} true once done, false if cancelled by newer work
   */
  start(step, later = false) {
    this.cancel();
    return new Promise((done) => {
      if (!later && !step()) return done(true);
      const job = { step, done };
      this.#current = job;
      jobs.push(job);
      if (!pumping) pump();
    });
  }

  /** Cancels the work still running. */
  cancel() {
    const job = this.#current;
    this.#current = null;
    if (!job) return;
    const at = jobs.indexOf(job);
    if (at >= 0) {
      jobs.splice(at, 1);
      job.done(false);
    }
  }
}

/** Items per step of a list, and per group of a grouped list. */
const GROUP_ITEMS = 100;

/**
 * Fills a list (or a table body) with one node per item, a slice at a time. A grouped
 * list puts every GROUP_ITEMS items into a group element of their own (`list-group`:
 * `<ol role="none">` in a `role="list"` container, say), which the browser skips while it
 * is off screen (`content-visibility: auto`): a list of 12,000 headings then costs each
 * frame the layout of a few groups, not of every item.
 * @template T
 * @param {Sliced} job the list's job
 * @param {Element} container emptied first
 * @param {readonly T[]} items
 * @param {(item: T) => Node} node builds one item's node
 * @param {() => HTMLElement} [group] makes a group element, for a grouped list
 * @returns {Promise<boolean>} true once every item is in, false if cancelled
 */
export function fillList(job, container, items, node, group) {
  container.replaceChildren();
  let i = 0;
  return job.start(() => {
    const batch = group?.() ?? document.createDocumentFragment();
    if (batch instanceof HTMLElement) batch.classList.add("list-group");
    const end = Math.min(items.length, i + GROUP_ITEMS);
    for (; i < end; i++) batch.append(node(items[i]));
    container.append(batch);
    return i < items.length;
  });
}
