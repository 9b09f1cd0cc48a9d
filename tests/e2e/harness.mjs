// What the page tests and the browser benchmark share: a static server for a folder and
// headless Debian Chromium launched with the flags this closed network needs.
import net from "node:net";
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
 * @returns {Promise<import("playwright-core").Browser>}
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
  });
}
