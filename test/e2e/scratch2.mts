import { join } from "node:path";
import { REPO_ROOT } from "../support/paths";
import { openPane, waitForPreview } from "./browser";
import { ensurePaneBuild } from "./build";
import { serveStatic } from "./server";

const OUT = join(REPO_ROOT, "test-artifacts");
const server = await serveStatic(await ensurePaneBuild());
const pane = await openPane(server.url, "npm", { width: 350, height: 900 });
const { page } = pane;
await waitForPreview(page);
await page.setInputFiles("#import-json-file", join(REPO_ROOT, "assets/examples/leaving-vmware-2027.json"));
await page.waitForTimeout(500);
await waitForPreview(page);
await page.locator("#option-details > summary").click();
await page.waitForTimeout(1500);
await page.evaluate(() => document.querySelector(".footer")?.remove());
const box = await page.locator("#option-details").boundingBox();
const top = (box?.y ?? 0) + (await page.evaluate(() => window.scrollY));
for (let i = 0; i * 700 < (box?.height ?? 0); i++)
  await page.screenshot({ path: join(OUT, `scratch2-${i}.png`), fullPage: true, clip: { x: 0, y: top + i * 700, width: 350, height: Math.min(700, (box?.height ?? 0) - i * 700) } });
const selects = await page.locator("#option-details select").count();
console.log("selects", selects, pane.errors);
await pane.close();
await server.close();
