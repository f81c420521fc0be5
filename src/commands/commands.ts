/**
 * Ribbon commands. The Home-tab button opens the task pane through the manifest's
 * ShowTaskpane action, so no function is registered here; this entry keeps the shared
 * runtime's command surface ready for ExecuteFunction buttons.
 */
export function registerCommands(): void {
  if (typeof Office === "undefined") return;
  void Office.onReady();
}

registerCommands();
