import { useEffect, useState } from 'preact/hooks';

/** A value that components re-render on: the language, the signed-in viewer. */
export interface Signal<T> {
  value: T;
  subscribe(listener: (value: T) => void): () => void;
}

export function signal<T>(initial: T): Signal<T> {
  let current = initial;
  const listeners = new Set<(value: T) => void>();
  return {
    get value() { return current; },
    set value(next: T) {
      if (next === current) return;
      current = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useSignal<T>(s: Signal<T>): T {
  const [, setState] = useState(0);
  useEffect(() => s.subscribe(() => setState((n) => n + 1)), [s]);
  return s.value;
}
