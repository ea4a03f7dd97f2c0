import DataLoader from 'dataloader';

/**
 * DataLoaders for a field with arguments (a page, a period): one loader per distinct argument
 * set, so every parent asking with the same arguments in a tick is served by one batch.
 */
export function loaderFamily<A, K, V, C = K>(
  batch: (args: A, keys: readonly K[]) => Promise<V[]>,
  options?: DataLoader.Options<K, V, C>,
): (args: A) => DataLoader<K, V, C> {
  const loaders = new Map<string, DataLoader<K, V, C>>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<K, V, C>((keys) => batch(args, keys), options);
      loaders.set(key, loader);
    }
    return loader;
  };
}
