import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateManifestXml, withoutRuntimes } from "./tools/validate-manifest";
import { REPO_ROOT, hasShared } from "./support/paths";

const manifest = readFileSync(join(REPO_ROOT, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("validates offline: schema, resource ids, shared runtime, icons", () => {
    expect(validateManifestXml(manifest)).toEqual({ ok: true, problems: [] });
  });

  it("removes only the Runtimes block before the schema check", () => {
    const stripped = withoutRuntimes(manifest);
    expect(stripped).not.toContain("<Runtimes>");
    expect(manifest.length - stripped.length).toBeLessThan(150);
  });

  it("declares an Excel task pane with ExcelApi 1.9, ReadWriteDocument and a Home-tab button", () => {
    expect(manifest).toContain('<Host Name="Workbook"/>');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  });

  it.runIf(hasShared("schemas", "office-addin-manifest"))(
    "fails when elements are out of schema order",
    () => {
      const bad = manifest
        .replace("<Permissions>ReadWriteDocument</Permissions>", "")
        .replace(
          "<DefaultSettings>",
          "<Permissions>ReadWriteDocument</Permissions>\n  <DefaultSettings>"
        );
      const report = validateManifestXml(bad);
      expect(report.ok).toBe(false);
      expect(report.problems.join("\n")).toMatch(/Permissions/);
    }
  );

  it("fails when the shared runtime id differs from the task pane's", () => {
    const bad = manifest.replace(
      '<Runtime resid="Taskpane.Url"',
      '<Runtime resid="Functions.Script.Url"'
    );
    expect(validateManifestXml(bad).problems.join("\n")).toMatch(/shared runtime won't load/);
  });

  it("fails on a resid with no resource and on a missing icon", () => {
    const bad = manifest
      .replace('resid="Group.Label"', 'resid="Group.Missing"')
      .replace("icon-80.png", "icon-81.png");
    const problems = validateManifestXml(bad).problems.join("\n");
    expect(problems).toMatch(/Group\.Missing/);
    expect(problems).toMatch(/icon-81\.png/);
  });
});
