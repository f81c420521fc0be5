/**
 * The Office.js writer failing at a call of every kind it makes (the first and the last
 * command of each name), with the cleanup failing too: every leftover stays tagged, the
 * user's sheets untouched, the next run clean. Reproduction 7 of issue 17. The sweep over
 * every single call is `test/integration/office-failures.test.ts`.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkAfterFailure, commandsOfARun, type Start } from "./failureInjection";

afterEach(() => vi.unstubAllGlobals());

describe.each<Start>(["first report", "regenerating"])("writePlan failing (%s)", (start) => {
  it("at the first and last call of each kind, with a cleanup that fails too", async () => {
    const commands = await commandsOfARun(start);
    expect(commands.length).toBeGreaterThan(50);
    const picks = new Set<number>();
    for (const name of new Set(commands)) {
      picks.add(commands.indexOf(name) + 1);
      picks.add(commands.lastIndexOf(name) + 1);
    }
    const problems: string[] = [];
    for (const k of [...picks].sort((a, b) => a - b))
      for (const cleanupAt of ["all", "worksheet.delete"] as const)
        problems.push(...(await checkAfterFailure(start, { writeAt: k, cleanupAt })));
    expect(problems.slice(0, 10)).toEqual([]);
  }, 60_000);
});
