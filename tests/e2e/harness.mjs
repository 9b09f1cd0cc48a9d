// What the page tests, the package tests and the browser benchmark share: a static server
// for a folder, headless Debian Chromium launched with the flags this closed network
// needs, and headless Firefox ESR through geckodriver.
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/** @returns {Promise<number>} a free loopback port */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {net.AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/**
 * Serves `dir` with python's http.server on a free loopback port (it gives .wasm the
 * right MIME type) and waits until `probe` answers.
 * @param {string} dir
 * @param {string} probe a path under the server, e.g. "/app/"
 * @returns {Promise<{base: string, stop: () => void}>}
 */
export async function serve(dir, probe) {
  const port = await freePort();
  const server = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir], { stdio: "ignore" });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(base + probe)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, stop: () => server.kill() };
}

/**
 * Headless Chromium; without the networking flags it floods the closed network.
 * `CHROMIUM_FLAGS` (space-separated) adds flags for a measurement, e.g.
 * `--js-flags=--liftoff-only` with `node bench/browser.mjs --cold-only`
 * (docs/performance.md); the tests and `make bench` never set it.
 * @returns {Promise<import("playwright-core").Browser>}
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", ...(process.env.CHROMIUM_FLAGS?.split(" ").filter(Boolean) ?? [])],
  });
}

const GECKODRIVER = process.env.GECKODRIVER ?? path.join(process.env.CARGO_HOME ?? path.join(os.homedir(), ".cargo"), "bin/geckodriver");

/**
 * A page in headless Firefox ESR, driven over W3C WebDriver by geckodriver (`make
 * setup-browser` installs both; playwright's Firefox needs its own browser build, which
 * cannot be downloaded here). The Firefox binary and preferences are those of
 * webdriver.json, which `wasm-pack test --firefox` reads too.
 * @param {Record<string, unknown>} [prefs] preferences added to webdriver.json's
 * @returns {Promise<{version: string, goto: (url: string) => Promise<void>, evaluate: (script: string) => Promise<any>, waitFor: (script: string, timeoutMs?: number) => Promise<any>, close: () => Promise<void>}>}
 */
export async function launchFirefox(prefs = {}) {
  const port = await freePort();
  const driver = spawn(GECKODRIVER, ["--host", "127.0.0.1", "--port", String(port)], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  /**
   * One WebDriver command; throws with the driver's message on an error.
   * @param {string} method
   * @param {string} route
   * @param {unknown} [body]
   */
  async function command(method, route, body) {
    const response = await fetch(url + route, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${route}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  }
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/status`)).ok) break;
    } catch {
      if (i > 100) throw new Error(`geckodriver (${GECKODRIVER}) did not start`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const config = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../webdriver.json"), "utf8"))["moz:firefoxOptions"];
  const options = { ...config, args: [...(config.args ?? []), "-headless"], prefs: { ...config.prefs, ...prefs } };
  let session;
  try {
    session = await command("POST", "/session", { capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": options } } });
  } catch (e) {
    driver.kill();
    throw e;
  }
  const base = `/session/${session.sessionId}`;
  const evaluate = (/** @type {string} */ script) => command("POST", `${base}/execute/sync`, { script, args: [] });
  return {
    version: `Firefox ${session.capabilities.browserVersion}`,
    goto: async (target) => void (await command("POST", `${base}/url`, { url: target })),
    evaluate,
    // Polls `script` until it returns something other than null or undefined.
    waitFor: async (script, timeoutMs = 120000) => {
      const end = Date.now() + timeoutMs;
      for (;;) {
        /** @type {any} */
        let value = null;
        try {
          value = await evaluate(script);
        } catch (e) {
          // A page busy with a long synchronous run can outlast the driver's script timeout.
          if (!String(e).includes("script timeout")) throw e;
        }
        if (value !== null && value !== undefined) return value;
        if (Date.now() > end) throw new Error(`timed out waiting for: ${script}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: async () => {
      try {
        await command("DELETE", base);
      } finally {
        driver.kill();
      }
    },
  };
}
