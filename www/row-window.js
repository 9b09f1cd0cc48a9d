// A window onto a long table: only the rows in and near the visible part of its scroll
// container are in the DOM, between two spacer rows that stand for the others, so that a
// table of 20,000 rows costs the layout of a hundred. Rows have one height (the table's
// `virtual` class keeps every cell on one line); the window follows scrolling, keeps the
// rows it still shows (a focused button stays focused), and moves along with the focus, so
// Tab reaches every row. The table says how many rows it has (aria-rowcount) and which one
// each is (aria-rowindex). Printing shows every row.

/** Rows kept beyond each edge of the visible part. */
const OVERSCAN = 30;
/** Rows shown before the scroll container has been measured. */
const FIRST_WINDOW = 80;

/** The rows of a table body shown through its scroll container. */
export class RowWindow {
  /** @type {HTMLTableElement} */
  #table;
  /** @type {HTMLElement} */
  #scroller;
  /** @type {(index: number) => HTMLTableRowElement} */
  #build;
  /** How many rows there are; 0 when the window is not in use. */
  #count = 0;
  /** The rows in the DOM, by index, from #first to #last (exclusive). @type {Map<number, HTMLTableRowElement>} */
  #rows = new Map();
  #first = 0;
  #last = 0;
  /** The distance from one row to the next, in pixels: estimated, then measured. */
  #pitch;
  /** The header's height, measured with the pitch. */
  #head = 0;
  #before = spacer();
  #after = spacer();
  #pending = false;

  /**
   * @param {{table: HTMLTableElement, scroller: HTMLElement, build: (index: number) => HTMLTableRowElement}} parts the table,
   *   the element that scrolls it, and what builds the row of an index
   */
  constructor({ table, scroller, build }) {
    this.#table = table;
    this.#scroller = scroller;
    this.#build = build;
    // Two lines of the table's font, until rows have been measured (read now: later, the
    // style would have to be brought up to date first).
    this.#pitch = 2 * (parseFloat(getComputedStyle(table).fontSize) || 14);
    const columns = table.tHead?.rows[0]?.cells.length ?? 1;
    for (const row of [this.#before, this.#after]) /** @type {HTMLTableCellElement} */ (row.firstElementChild).colSpan = columns;
    scroller.addEventListener("scroll", () => this.#schedule(), { passive: true });
    table.addEventListener("focusin", (event) => {
      const row = event.target instanceof Element ? event.target.closest("tr[aria-rowindex]") : null;
      if (this.#count && row) this.#follow(Number(row.getAttribute("aria-rowindex")) - 2);
    });
    addEventListener("beforeprint", () => {
      if (this.#count) this.#showAll();
    });
    addEventListener("afterprint", () => {
      if (this.#count) this.show(this.#count);
    });
    new ResizeObserver(() => this.#schedule()).observe(scroller);
  }

  /** Whether the window is in use. */
  get active() {
    return this.#count > 0;
  }

  /**
   * Shows `count` rows through the window: the first ones at once, those at the scroll
   * position from the next frame (reading it now would force a layout).
   * @param {number} count
   */
  show(count) {
    this.#count = count;
    this.#table.classList.add("virtual");
    this.#table.setAttribute("aria-rowcount", String(count + 1));
    this.#rows.clear();
    this.#first = this.#last = 0;
    this.#body().replaceChildren(this.#before, this.#after);
    this.#place(0, Math.min(count, FIRST_WINDOW));
    this.#schedule();
  }

  /** Stops using the window (a short table is shown whole). */
  stop() {
    this.#count = 0;
    this.#rows.clear();
    this.#table.classList.remove("virtual");
    this.#table.removeAttribute("aria-rowcount");
    this.#before.remove();
    this.#after.remove();
  }

  /** The table body. */
  #body() {
    return this.#table.tBodies[0];
  }

  /** Updates the window at the next frame (once however many scroll events come). */
  #schedule() {
    if (this.#pending || !this.#count) return;
    this.#pending = true;
    requestAnimationFrame(() => {
      this.#pending = false;
      this.#measure();
      this.#update();
    });
  }

  /**
   * Measures the row pitch and the header from the rows shown (in an animation frame,
   * where the layout is about to be done anyway).
   */
  #measure() {
    const rows = [...this.#rows.values()];
    if (rows.length < 2) return;
    const top = rows[0].getBoundingClientRect().top;
    const pitch = (rows[rows.length - 1].getBoundingClientRect().top - top) / (rows.length - 1);
    if (pitch > 0) this.#pitch = pitch;
    this.#head = this.#table.tHead?.getBoundingClientRect().height ?? 0;
  }

  /** Shows the rows in and near the visible part of the scroll container. */
  #update() {
    if (!this.#count) return;
    const top = this.#scroller.scrollTop - this.#head;
    const first = Math.max(0, Math.floor(top / this.#pitch) - OVERSCAN);
    const last = Math.min(this.#count, Math.ceil((top + this.#scroller.clientHeight) / this.#pitch) + OVERSCAN);
    this.#place(first, Math.max(first, last));
  }

  /**
   * Keeps the window around a focused row, so that Tab finds the next one.
   * @param {number} index
   */
  #follow(index) {
    if (index - OVERSCAN / 2 < this.#first || index + OVERSCAN / 2 >= this.#last) {
      const first = Math.max(0, index - OVERSCAN);
      this.#place(first, Math.min(this.#count, first + 2 * OVERSCAN + FIRST_WINDOW));
    }
  }

  /**
   * Puts the rows from `first` to `last` (exclusive) in the DOM, keeping those already
   * there, and sizes the spacers for the rest.
   * @param {number} first
   * @param {number} last
   */
  #place(first, last) {
    if (first === this.#first && last === this.#last) return;
    for (const [i, row] of this.#rows) {
      if (i < first || i >= last) {
        row.remove();
        this.#rows.delete(i);
      }
    }
    const kept = [...this.#rows.keys()];
    const keptFirst = kept.length ? Math.min(...kept) : last;
    const keptLast = kept.length ? Math.max(...kept) + 1 : last;
    const before = document.createDocumentFragment();
    for (let i = first; i < Math.min(keptFirst, last); i++) before.append(this.#row(i));
    this.#before.after(before);
    const after = document.createDocumentFragment();
    for (let i = Math.max(keptLast, first); i < last; i++) after.append(this.#row(i));
    this.#after.before(after);
    this.#first = first;
    this.#last = last;
    this.#before.hidden = first === 0;
    this.#after.hidden = last === this.#count;
    sizeSpacer(this.#before, first * this.#pitch);
    sizeSpacer(this.#after, (this.#count - last) * this.#pitch);
  }

  /**
   * Builds the row of an index and records it.
   * @param {number} index
   */
  #row(index) {
    const row = this.#build(index);
    row.setAttribute("aria-rowindex", String(index + 2));
    this.#rows.set(index, row);
    return row;
  }

  /** Every row at once, without spacers (for printing). */
  #showAll() {
    const rows = document.createDocumentFragment();
    for (let i = 0; i < this.#count; i++) rows.append(this.#build(i));
    this.#rows.clear();
    this.#first = this.#last = 0;
    this.#table.classList.remove("virtual");
    this.#body().replaceChildren(rows);
  }
}

/**
 * A spacer row: it stands for the rows not in the DOM.
 * @returns {HTMLTableRowElement}
 */
function spacer() {
  const row = document.createElement("tr");
  row.className = "spacer";
  row.setAttribute("aria-hidden", "true");
  row.append(document.createElement("td"));
  return row;
}

/**
 * Sets a spacer's height.
 * @param {HTMLTableRowElement} row
 * @param {number} height
 */
function sizeSpacer(row, height) {
  const cell = /** @type {HTMLTableCellElement} */ (row.firstElementChild);
  cell.style.height = `${height}px`;
}
