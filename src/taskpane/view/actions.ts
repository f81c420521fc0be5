/**
 * What the pane's controls ask for. The templates call these; `taskpane.ts` turns each into a
 * `PaneEvent` for the reducer and runs the effects (imports, writing, files). A control that
 * only changes the state sends its event with `send`.
 */
import type { MappableField, MappingUnits } from "../../inventory/types";
import type { PlatformId } from "../../platform";
import type { FieldPath } from "../../scenario";
import type { PaneEvent } from "../paneState";

export interface Actions {
  /** An event for the reducer alone (no effect): a new control of the pane's own needs no new action. */
  send(event: PaneEvent): void;
  edit(path: FieldPath, value: unknown): void;
  choosePlatform(platform: PlatformId): void;
  acceptPlatformDefaults(): void;
  dismissPlatformOffer(): void;
  editInventory(row: number, key: string, value: unknown): void;
  addRow(): void;
  removeRow(row: number): void;
  page(page: number): void;
  importFile(file: File): void;
  togglePaste(open: boolean): void;
  readPaste(text: string): void;
  useWorkbookInventory(): void;
  acceptImport(): void;
  cancelImport(): void;
  changeMapping(field: MappableField, header: string | null): void;
  changeUnits(units: MappingUnits): void;
  applyMapping(): void;
  /** Generate the report; `discardSheetEdits` overwrites edits made in TCO Inputs since the pane loaded them. */
  generate(discardSheetEdits?: boolean): void;
  /** Load the result details' and the assumptions register's bodies (on their first open). */
  loadDetails(): void;
  /** Download the management slides (.pptx); the slides writer loads only now. */
  downloadSlides(): void;
  reloadWorkbook(): void;
  openSheet(sheet: string): void;
  dismissResult(): void;
  exportScenario(): void;
  importScenario(file: File): void;
  loadStart(choice: string): void;
  focus(id: string): void;
  removeUnknown(path: string): void;
}
