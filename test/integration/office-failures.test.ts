/**
 * The Office.js writer failing at EVERY call it makes, for a first report and a regeneration,
 * each followed by a cleanup that works, fails at every command (Excel gone), or fails at its
 * first sheet or name deletion: every leftover stays tagged, the user's sheets untouched, the
 * next run clean (reproduction 7 of issue 17). In the integration suite for its length only:
 * it runs against the recording fake, nothing external.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkAfterFailure, commandsOfARun, type Start } from "../excel/failureInjection";

afterEach(() => vi.unstubAllGlobals());

describe.each<Start>(["first report", "regenerating"])(
  "writePlan failing at every call (%s)",
  (start) => {
    it("keeps every leftover sheet tagged, the user's sheets untouched, and the next run clean", async () => {
      const commands = await commandsOfARun(start);
      const problems: string[] = [];
      for (let k = 1; k <= commands.length; k++)
        for (const cleanupAt of ["none", "all", "worksheet.delete", "name.delete"] as const)
          problems.push(...(await checkAfterFailure(start, { writeAt: k, cleanupAt })));
      expect(problems.slice(0, 10)).toEqual([]);
    });
  }
);
