/** Task pane entry point (placeholder until the pane lands). */
const status = document.getElementById("status");
if (status) status.textContent = "Ready.";
export {};
