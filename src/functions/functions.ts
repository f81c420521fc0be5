// Custom functions on the shared runtime (namespace HVTCO). Metadata is generated from the
// JSDoc below by custom-functions-metadata-plugin.

/**
 * The version of Hyper-V TCO Planner that computes these functions.
 * @customfunction VERSION
 * @returns The add-in version.
 */
export function version(): string {
  return "0.1.0";
}
