// The page's side of the worker: typed one-line RPC methods over postMessage. Every
// request carries an id and always settles: with the worker's answer, with its error, or
// with a rejection when the worker dies or is stopped (then a fresh worker is started).
//
// The first worker, the compiled wasm module and the first two requests (catalogue, the
// opening text's analysis) were started by start.js from the HTML's head; the engine
// takes them over, and hands the same compiled module to every worker it starts after a
// crash or a cancel. A worker is asked to build its dictionary once the page has its first
// report on screen (allowLexicon) and no analysis is waiting: the first report never waits
// for the build, and the build does not compete with the page receiving and drawing it.

/** @typedef {import("./pkg/fazhi_lens.js").Report} Report */
/** @typedef {import("./pkg/fazhi_lens.js").ReportEntry} ReportEntry */
/** @typedef {import("./pkg/fazhi_lens.js").Catalogue} Catalogue */
/** @typedef {import("./pkg/fazhi_lens.js").Concordance} Concordance */
/** @typedef {import("./pkg/fazhi_lens_decode.js").DecodedText} DecodedText */
/** @typedef {typeof import("./worker.js").methods} Methods */
/** @typedef {import("./worker.js").ErrorDescription} ErrorDescription */
/** @typedef {import("./worker.js").PageReport} PageReport */
/** @typedef {import("./worker.js").BatchReport} BatchReport */
/**
 * What the engine reports besides answers: the module is up, the dictionary has arrived
 * (or failed), or the worker was restarted after a crash or a cancel.
 * @typedef {{type: "ready"} | {type: "lexicon", ok: boolean} | {type: "decoder", ok: boolean} | {type: "restarted", error: EngineError}} EngineEvent
 */
/** The text the page opens with, where it came from. @typedef {{text: string, file: string | null, saved: boolean}} Opening */
/**
 * What start.js started: the worker, the compiled module (null if compiling failed), and
 * the opening text once its analysis (request 2) has been sent (null if there is none;
 * request 1, the catalogue, was sent at once).
 * @typedef {{worker: Worker, module: Promise<WebAssembly.Module | null>, posted: Promise<Opening | null>, early: EarlyMessage[]}} Start
 */
/**
 * What the worker said before the engine listened (a message's data, or an error's
 * message), kept by start.js: a worker's messages nobody listens to are lost.
 * @typedef {{data: unknown, error?: undefined} | {error: string}} EarlyMessage
 */

/** Milliseconds of parsing per task when reading a report (readPageReport). */
const PARSE_SLICE_MS = 10;

/**
 * Reads a report from the worker's answer: its pieces are decoded and parsed a few at a
 * time, in tasks of their own (`yieldTo` lets the browser run others in between), so that
 * a report with 20,000 metrics does not block the page; its indented JSON text is decoded
 * when first asked for.
 * @param {PageReport} answer
 * @param {() => Promise<void>} yieldTo resolves in a later task
 * @returns {Promise<{report: Report, json: () => string}>}
 */
export async function readPageReport(answer, yieldTo) {
  const decoder = new TextDecoder();
  /** @type {Record<string, unknown>} */
  const fields = {};
  let start = performance.now();
  for (const [key, bytes] of answer.pieces) {
    const value = JSON.parse(decoder.decode(bytes));
    const had = fields[key];
    if (Array.isArray(had) && Array.isArray(value)) for (const item of value) had.push(item);
    else fields[key] = value;
    if (performance.now() - start > PARSE_SLICE_MS) {
      await yieldTo();
      start = performance.now();
    }
  }
  /** @type {string | null} */
  let json = null;
  return { report: /** @type {Report} */ (/** @type {unknown} */ (fields)), json: () => (json ??= decoder.decode(answer.json)) };
}

/** Methods that analyse a text: the dictionary is built only when none of them is waiting. */
const ANALYSES = new Set(["analyze", "analyzeForPage", "analyzeForBatch"]);

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
  /** @type {Map<number, {method: string, resolve: (value: unknown) => void, reject: (error: EngineError) => void}>} */
  #pending = new Map();
  #nextId = 1;
  /** @type {Worker} */
  #worker;
  /** Events not yet delivered: they wait for the listener. @type {EngineEvent[]} */
  #events = [];
  /** @type {((event: EngineEvent) => void) | null} */
  #onEvent = null;
  /** The compiled module, shared by every worker. @type {Promise<WebAssembly.Module | null>} */
  #module;
  /** The current worker is up. */
  #ready = false;
  /** The current worker has been asked to build its dictionary. */
  #lexiconAsked = false;
  /** The page has let the dictionary be built (allowLexicon). */
  #lexiconAllowed = false;

  /**
   * Takes over what start.js started.
   * @param {Start} start
   */
  constructor(start) {
    this.#module = start.module;
    /** The answers to start.js's requests: the catalogue and the opening text's analysis. */
    this.opening = {
      catalogue: this.#expect(1, "catalogue"),
      analysis: /** @type {Promise<PageReport>} */ (this.#expect(2, "analyzeForPage")),
    };
    this.#nextId = 3;
    this.#worker = this.#listenTo(start.worker, start.early.splice(0));
    start.posted.then((opening) => {
      if (opening || !this.#pending.has(2)) return;
      // No opening text was sent: nothing will answer request 2.
      this.#pending.delete(2);
      this.#loadLexiconWhenIdle();
    });
  }

  /**
   * The answer to a request someone else has sent on this engine's behalf.
   * @param {number} id
   * @param {keyof Methods} method
   * @returns {Promise<unknown>}
   */
  #expect(id, method) {
    const answer = new Promise((resolve, reject) => this.#pending.set(id, { method, resolve, reject }));
    // A rejection (the worker restarted first) is handled by whoever awaits the answer.
    answer.catch(() => {});
    return answer;
  }

  /**
   * Sets the function called with every event, first with those that happened before.
   * @param {(event: EngineEvent) => void} onEvent
   */
  listen(onEvent) {
    this.#onEvent = onEvent;
    for (const event of this.#events.splice(0)) onEvent(event);
  }

  /**
   * Delivers an event, or keeps it until there is a listener.
   * @param {EngineEvent} event
   */
  #emit(event) {
    if (this.#onEvent) this.#onEvent(event);
    else this.#events.push(event);
  }

  /**
   * Starts a worker and hands it the compiled module.
   * @returns {Worker}
   */
  #start() {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    this.#module.then((module) => worker.postMessage({ type: "module", module }));
    return this.#listenTo(worker);
  }

  /**
   * Listens to a worker, first to what it said before (start.js kept it).
   * @param {Worker} worker
   * @param {EarlyMessage[]} [before]
   * @returns {Worker}
   */
  #listenTo(worker, before = []) {
    this.#worker = worker;
    this.#ready = false;
    this.#lexiconAsked = false;
    worker.onmessage = (event) => this.#receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.restart({ message: event.message || "worker error", messageZh: "", code: "worker_crashed" });
    };
    for (const early of before) {
      if (early.error === undefined) this.#receive(early.data);
      else this.restart({ message: early.error || "worker error", messageZh: "", code: "worker_crashed" });
    }
    return worker;
  }

  /**
   * Handles a message from the worker: it is up, or it answers a request.
   * @param {any} msg
   */
  #receive(msg) {
    if (msg.id === undefined) {
      if (msg.type === "ready") {
        this.#ready = true;
        this.#emit({ type: "ready" });
        this.#loadLexiconWhenIdle();
      }
      return;
    }
    const waiting = this.#pending.get(msg.id);
    if (!waiting) return;
    this.#pending.delete(msg.id);
    if (msg.error) waiting.reject(new EngineError(msg.error));
    else waiting.resolve(msg.ok);
    // A trap inside WebAssembly leaves the module unusable: start a fresh worker.
    if (msg.fatal) this.restart({ message: msg.error.message, messageZh: msg.error.messageZh, code: "worker_crashed" });
    else this.#loadLexiconWhenIdle();
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
    this.#emit({ type: "restarted", error: failure });
    this.#worker = this.#start();
  }

  /**
   * Lets the dictionary be built from now on: the page calls it once its first report has
   * been painted, or once it knows it has none to show. Built beside the page's receiving
   * and drawing of that report, on a machine of two cores, the build and its compiles
   * held the report back by 0.08 of jieba-wasm's first cut (docs/performance.md, "Two
   * cores at the first report").
   */
  allowLexicon() {
    this.#lexiconAllowed = true;
    this.#loadLexiconWhenIdle();
  }

  /**
   * Asks the worker to build its dictionary once the page allows it (allowLexicon), the
   * worker is up and no analysis is waiting (an analysis asked for in the meantime waits
   * for the build; the page asks for its first before the worker is up).
   */
  #loadLexiconWhenIdle() {
    if (!this.#lexiconAllowed || !this.#ready || this.#lexiconAsked) return;
    for (const { method } of this.#pending.values()) if (ANALYSES.has(method)) return;
    this.#lexiconAsked = true;
    const worker = this.#worker;
    this.#call("loadLexicon", []).then(
      () => {
        this.#emit({ type: "lexicon", ok: true });
        // Then the decoding module, which the worker started loading with the dictionary.
        this.#call("loadDecoder", []).then(
          () => this.#emit({ type: "decoder", ok: true }),
          () => {
            if (this.#worker === worker) this.#emit({ type: "decoder", ok: false });
          },
        );
      },
      () => {
        // A restart rejects every pending request; then the new worker is asked again.
        if (this.#worker === worker) this.#emit({ type: "lexicon", ok: false });
      },
    );
  }

  /**
   * Calls a worker method.
   * @template {keyof Methods} M
   * @param {M} method
   * @param {Parameters<Methods[M]>} args
   * @param {Transferable[]} [transfer] buffers handed over instead of copied
   * @returns {Promise<Awaited<ReturnType<Methods[M]>>>}
   */
  #call(method, args, transfer = []) {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { method, resolve: (value) => resolve(/** @type {Awaited<ReturnType<Methods[M]>>} */ (value)), reject });
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
   * Analyzes one text for the page: the report as JSON in UTF-8 bytes (readPageReport
   * reads it), its section paths and the parts its year requires, in one answer.
   * @param {string} text
   * @returns {Promise<PageReport>}
   */
  analyzeForPage(text) {
    return this.#call("analyzeForPage", [text]);
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
   * Analyzes one text of the batch: the report, its scorecard and the value it gives for
   * each indicator.
   * @param {string} text
   * @returns {Promise<BatchReport>}
   */
  analyzeForBatch(text) {
    return this.#call("analyzeForBatch", [text]);
  }

  /**
   * The names of the keys reports carry (indicators, tasks, parts, reasons, kinds) in
   * Chinese and English.
   * @returns {Promise<Catalogue>}
   */
  catalogue() {
    return this.#call("catalogue", []);
  }
}
