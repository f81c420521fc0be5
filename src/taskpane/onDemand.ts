/**
 * Loading a lazy chunk once: the first call starts `load`, later calls share its promise. A
 * load that fails (a network blip while fetching the chunk) is forgotten, so the next call
 * tries again instead of failing for as long as the pane stays open.
 */
export function onDemand<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((e: unknown) => {
      loaded = undefined;
      throw e;
    }));
}
