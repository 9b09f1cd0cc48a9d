// The page's side of the worker: typed one-line RPC methods over postMessage. Every
// request carries an id and always settles: with the worker's answer, with its error, or
// with a rejection when the worker dies or is stopped (then a fresh worker is started).

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").ReportEntry} ReportEntry */
/** @typedef {import("./pkg/fazhi_lens.js").Part} Part */
/** @typedef {import("./pkg/fazhi_lens.js").Catalogue} Catalogue */
/** @typedef {import("./pkg/fazhi_lens.js").Concordance} Concordance */
/** @typedef {import("./pkg/fazhi_lens.js").DecodedText} DecodedText */
/** @typedef {typeof import("./worker.js").methods} Methods */
/** @typedef {import("./worker.js").ErrorDescription} ErrorDescription */
/**
 * What the engine reports besides answers: the module is up, the dictionary has arrived
 * (or failed), or the worker was restarted after a crash or a cancel.
 * @typedef {{type: "ready"} | {type: "lexicon", ok: boolean} | {type: "restarted", error: EngineError}} EngineEvent
 */

/** An error from the worker, with the Chinese message and stable code Rust gives it. */
export class EngineError extends Error {
  /** @param {ErrorDescription} description */
  constructor(description) {
    super(description.message);
    this.name = "EngineError";
    /** The message in Chinese. */
    this.messageZh = description.messageZh;
    /** A stable key: an error code of the core, `worker_crashed`, `cancelled` … */
    this.code = description.code;
  }
}

/** A module worker with request ids; every request resolves or rejects. */
export class Engine {
  /** @type {Map<number, {resolve: (value: unknown) => void, reject: (error: EngineError) => void}>} */
  #pending = new Map();
  #nextId = 1;
  /** @type {Worker} */
  #worker;
  /** @type {(event: EngineEvent) => void} */
  #onEvent;

  /** @param {(event: EngineEvent) => void} onEvent called with every event */
  constructor(onEvent) {
    this.#onEvent = onEvent;
    this.#worker = this.#start();
  }

  /**
   * Starts a worker and listens to it.
   * @returns {Worker}
   */
  #start() {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.id === undefined) {
        if (msg.type === "ready") this.#onEvent({ type: "ready" });
        else if (msg.type === "lexicon") this.#onEvent({ type: "lexicon", ok: Boolean(msg.ok) });
        return;
      }
      const waiting = this.#pending.get(msg.id);
      if (!waiting) return;
      this.#pending.delete(msg.id);
      if (msg.error) waiting.reject(new EngineError(msg.error));
      else waiting.resolve(msg.ok);
      // A trap inside WebAssembly leaves the module unusable: start a fresh worker.
      if (msg.fatal) this.restart({ message: msg.error.message, messageZh: msg.error.messageZh, code: "worker_crashed" });
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.restart({ message: event.message || "worker error", messageZh: "", code: "worker_crashed" });
    };
    return worker;
  }

  /**
   * Stops the worker (a crash, or the user cancelling), rejects every pending request
   * with `error` and starts a fresh worker.
   * @param {ErrorDescription} error
   */
  restart(error) {
    const failure = new EngineError(error);
    for (const { reject } of this.#pending.values()) reject(failure);
    this.#pending.clear();
    this.#worker.terminate();
    this.#onEvent({ type: "restarted", error: failure });
    this.#worker = this.#start();
  }

  /**
   * Calls a worker method.
   * @template {keyof Methods} M
   * @param {M} method
   * @param {Parameters<Methods[M]>} args
   * @param {Transferable[]} [transfer] buffers handed over instead of copied
   * @returns {Promise<ReturnType<Methods[M]>>}
   */
  #call(method, args, transfer = []) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve: (value) => resolve(/** @type {ReturnType<Methods[M]>} */ (value)), reject });
      this.#worker.postMessage({ id, method, args }, transfer);
    });
  }

  /**
   * Analyzes one text (offsets in UTF-16 code units).
   * @param {string} text
   * @returns {Promise<Report>}
   */
  analyze(text) {
    return this.#call("analyze", [text]);
  }

  /**
   * Every occurrence of a word with `width` characters of context.
   * @param {string} text
   * @param {string} word
   * @param {number} width
   * @returns {Promise<Concordance[]>}
   */
  kwic(text, word, width) {
    return this.#call("kwic", [text, word, width]);
  }

  /**
   * Decodes a file's bytes (UTF-8, UTF-16, GB18030/GBK, .docx); the buffer is handed over.
   * @param {ArrayBuffer} bytes
   * @returns {Promise<DecodedText>}
   */
  decode(bytes) {
    return this.#call("decode", [bytes], [bytes]);
  }

  /**
   * The metrics of analysed reports as the CLI's CSV (with its BOM).
   * @param {ReportEntry[]} entries
   * @returns {Promise<string>}
   */
  metricsCsv(entries) {
    return this.#call("metricsCsv", [entries]);
  }

  /**
   * The outlines of analysed reports as the CLI's Markdown.
   * @param {ReportEntry[]} entries
   * @returns {Promise<string>}
   */
  outlineMarkdown(entries) {
    return this.#call("outlineMarkdown", [entries]);
  }

  /**
   * The path (`一、… > （二）…`) of every section of a report, by section id.
   * @param {Report} report
   * @returns {Promise<Record<string, string>>}
   */
  sectionPaths(report) {
    return this.#call("sectionPaths", [report]);
  }

  /**
   * The parts a report about `year` must have (null: the year is unknown).
   * @param {number | null} year
   * @returns {Promise<Part[]>}
   */
  mandatedParts(year) {
    return this.#call("mandatedParts", [year]);
  }

  /**
   * The names of indicators, tasks and parts in Chinese and English.
   * @returns {Promise<Catalogue>}
   */
  catalogue() {
    return this.#call("catalogue", []);
  }
}
