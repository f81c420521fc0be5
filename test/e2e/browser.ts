/**
 * Headless Debian Chromium (never a downloaded browser) through playwright-core, with the
 * pane's CDN office.js routed offline: to the npm copy of office.js (plain-browser mode:
 * `Office.onReady` gives host null), to a recording fake Excel host, or to nothing (office.js
 * fails to load).
 */
import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { REPO_ROOT } from "../support/paths";

export const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const OFFICE_DIST = join(REPO_ROOT, "node_modules", "@microsoft", "office-js", "dist");
const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * How office.js is served to the page: the npm copy (host null), a fake Excel host, refused
 * (the script fails to load), or a stub whose `Office.onReady` never resolves.
 */
export type OfficeMode = "npm" | "fake-excel" | "blocked" | "hang";

export interface Pane {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and page errors seen so far. */
  readonly errors: string[];
  /** Requests to the pane's own server answered with an error status (404 …), as "404 /path". */
  readonly httpErrors: string[];
  close(): Promise<void>;
}

/** The path of axe-core's browser script. */
export function axePath(): string {
  return createRequire(import.meta.url).resolve("axe-core/axe.min.js");
}

/** Launch Chromium with a fresh profile and open `url` with office.js served as `office`. */
export async function openPane(
  url: string,
  office: OfficeMode,
  viewport = { width: 420, height: 900 }
): Promise<Pane> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  const profile = mkdtempSync(join(tmpdir(), "hvtco-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    acceptDownloads: true,
    viewport,
    deviceScaleFactor: 1,
  });
  // Nothing leaves the machine: every non-local request is answered here or refused.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, async (route) => {
    const requestUrl = route.request().url();
    if (!requestUrl.startsWith("https://appsforoffice.microsoft.com/lib/1/hosted/"))
      return route.abort();
    if (office === "blocked") return route.abort("connectionrefused");
    if (office === "hang") {
      return route.fulfill({
        contentType: "text/javascript",
        body: "window.Office = { onReady: function () { return new Promise(function () {}); } };",
      });
    }
    if (office === "fake-excel") {
      if (requestUrl.endsWith("/office.js")) {
        return route.fulfill({
          contentType: "text/javascript",
          body: readFileSync(join(HERE, "fakeOffice.js"), "utf8"),
        });
      }
      return route.abort();
    }
    const rest =
      requestUrl.slice("https://appsforoffice.microsoft.com/lib/1/hosted/".length).split("?")[0] ??
      "";
    const file = join(OFFICE_DIST, rest);
    if (!file.startsWith(OFFICE_DIST) || !existsSync(file))
      return route.fulfill({ status: 404, body: "" });
    return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const httpErrors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("response", (r) => {
    const where = new URL(r.url());
    if (where.hostname === "127.0.0.1" && r.status() >= 400)
      httpErrors.push(`${r.status()} ${where.pathname}`);
  });
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return {
    context,
    page,
    errors,
    httpErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Wait until the pane has left its start-up phase and shows a preview for the current inputs. */
export async function waitForPreview(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const app = document.getElementById("app");
      return (
        !!app &&
        app.dataset["host"] !== "pending" &&
        app.dataset["phase"] === "editing" &&
        app.dataset["previewRevision"] === app.dataset["revision"]
      );
    },
    undefined,
    { timeout }
  );
}
