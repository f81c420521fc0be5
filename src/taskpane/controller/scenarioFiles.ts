/** Scenario files and starting points: export and import JSON, built-in defaults and examples. */
import { defaultScenarioJson } from "../../scenario";
import { isPlatformId } from "../../platform";
import { draftToText, fileSlug, type Draft } from "../draft";
import { fileText, saveFile } from "../download";
import { platformLabel } from "../form";
import { PANE_MESSAGES } from "../messages";
import { errorText, type PaneStore } from "./store";

export function scenarioFiles(store: PaneStore) {
  const error = (text: string): void =>
    store.dispatch({ type: "noticed", notice: { text, tone: "error" } });

  const loadJsonText = (text: string, source: string): void => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      error(PANE_MESSAGES.scenarioNotJson(source));
      return;
    }
    store.dispatch({ type: "draftLoaded", draft: value as Draft, notice: null });
    const v = store.state.validation;
    const issues = v.ok ? 0 : v.issues.length;
    store.dispatch({
      type: "noticed",
      notice:
        issues === 0
          ? { text: PANE_MESSAGES.scenarioImported(source), tone: "success" }
          : { text: PANE_MESSAGES.scenarioImportedWithIssues(source, issues), tone: "warning" },
    });
  };

  return {
    loadStart: async (choice: string): Promise<void> => {
      const [kind, id] = choice.split(":");
      if (kind === "defaults" && id && isPlatformId(id)) {
        store.dispatch({
          type: "draftLoaded",
          draft: defaultScenarioJson(id),
          notice: { text: PANE_MESSAGES.defaultsLoaded(platformLabel(id)), tone: "success" },
        });
        return;
      }
      if (kind !== "example" || !id) return;
      try {
        const response = await fetch(`examples/${id}.json`, { cache: "no-cache" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        loadJsonText(await response.text(), `${id}.json`);
      } catch (e) {
        error(`Could not load the example ${id}: ${errorText(e)}`);
      }
    },
    exportScenario: (): void => {
      const fileName = `${fileSlug(store.state.draft)}.json`;
      saveFile(draftToText(store.state.draft), fileName, "application/json");
      store.dispatch({
        type: "noticed",
        notice: { text: PANE_MESSAGES.scenarioExported(fileName), tone: "success" },
      });
    },
    importScenario: (file: File): void => {
      fileText(file).then(
        (text) => loadJsonText(text, file.name),
        (e: unknown) => error(errorText(e))
      );
    },
  };
}
