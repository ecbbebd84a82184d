/** Writes on their way and the last failure, as the grid's status bar says them ("Đang lưu…", "Đã lưu"). */
export interface SaveState {
  pending: number;
  failure: string | null;
  /** A write has been answered: before that there is nothing to call saved. */
  answered: boolean;
}

/**
 * The save state kept outside React's state of the screen: it changes twice per saved cell, and only the
 * status bar shows it, so only the status bar re-renders (a screen of thousands of rows would otherwise
 * re-render before the clerk sees "Đã lưu").
 */
export interface SaveStatus {
  get(): SaveState;
  subscribe(listener: () => void): () => void;
  update(change: (state: SaveState) => SaveState): void;
}

export function createSaveStatus(): SaveStatus {
  let state: SaveState = { pending: 0, failure: null, answered: false };
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(change) {
      const next = change(state);
      if (next.pending === state.pending && next.failure === state.failure && next.answered === state.answered) return;
      state = next;
      for (const listener of listeners) listener();
    },
  };
}
