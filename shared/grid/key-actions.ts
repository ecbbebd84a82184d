/**
 * The spreadsheet keyboard, as Excel clerks know it, reduced to what each key asks the grid to do. Kept free
 * of the DOM so that the whole key map can be read, and tested, in one place.
 */

export interface KeyStroke {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly altKey: boolean;
}

export type JumpTarget = 'rowStart' | 'rowEnd' | 'top' | 'bottom' | 'first' | 'last';

export type GridKeyAction =
  | { type: 'move'; dRow: number; dCol: number; extend: boolean }
  | { type: 'jump'; to: JumpTarget; extend: boolean }
  | { type: 'page'; direction: 1 | -1; extend: boolean }
  /** Starts editing: with `text` replacing the cell (typing), or with the cell's own text (F2). */
  | { type: 'edit'; text: string | null }
  | { type: 'clear' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectAll' }
  | { type: 'collapse' };

const arrows: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

const ctrlArrowJumps: Readonly<Record<string, JumpTarget>> = {
  ArrowUp: 'top',
  ArrowDown: 'bottom',
  ArrowLeft: 'rowStart',
  ArrowRight: 'rowEnd',
};

/** What a key pressed on the grid (not in an open editor) does; null leaves the key to the browser. */
export function gridKeyAction(k: KeyStroke): GridKeyAction | null {
  const ctrl = k.ctrlKey || k.metaKey;
  const extend = k.shiftKey;
  const arrow = arrows[k.key];
  if (arrow !== undefined && !k.altKey) {
    const jump = ctrlArrowJumps[k.key];
    if (ctrl && jump !== undefined) return { type: 'jump', to: jump, extend };
    return { type: 'move', dRow: arrow[0], dCol: arrow[1], extend };
  }
  if (ctrl && !k.altKey) {
    const letter = k.key.toLowerCase();
    if (letter === 'z') return k.shiftKey ? { type: 'redo' } : { type: 'undo' };
    if (letter === 'y') return { type: 'redo' };
    if (letter === 'a') return { type: 'selectAll' };
    if (k.key === 'Home') return { type: 'jump', to: 'first', extend };
    if (k.key === 'End') return { type: 'jump', to: 'last', extend };
    return null;
  }
  switch (k.key) {
    case 'Tab':
      return { type: 'move', dRow: 0, dCol: k.shiftKey ? -1 : 1, extend: false };
    case 'Enter':
      return { type: 'move', dRow: k.shiftKey ? -1 : 1, dCol: 0, extend: false };
    case 'Home':
      return { type: 'jump', to: 'rowStart', extend };
    case 'End':
      return { type: 'jump', to: 'rowEnd', extend };
    case 'PageUp':
      return { type: 'page', direction: -1, extend };
    case 'PageDown':
      return { type: 'page', direction: 1, extend };
    case 'F2':
      return { type: 'edit', text: null };
    case 'Delete':
      return { type: 'clear' };
    case 'Backspace':
      return { type: 'edit', text: '' };
    case 'Escape':
      return { type: 'collapse' };
  }
  // One printable character (a digit, a letter typed through an input method, '-', ',') starts editing with it.
  if ([...k.key].length === 1 && !k.altKey) return { type: 'edit', text: k.key };
  return null;
}

export type EditorMode = 'enter' | 'edit';

export type EditorKeyAction =
  { type: 'commit'; dRow: number; dCol: number } | { type: 'cancel' } | { type: 'toggleMode' };

/**
 * What a key pressed in an open editor does. In 'enter' mode (editing began by typing) arrows leave the
 * cell as in Excel; in 'edit' mode (F2, double click) they move the caret.
 */
export function editorKeyAction(k: KeyStroke, mode: EditorMode): EditorKeyAction | null {
  if (k.ctrlKey || k.metaKey || k.altKey) return null;
  switch (k.key) {
    case 'Enter':
      return { type: 'commit', dRow: k.shiftKey ? -1 : 1, dCol: 0 };
    case 'Tab':
      return { type: 'commit', dRow: 0, dCol: k.shiftKey ? -1 : 1 };
    case 'Escape':
      return { type: 'cancel' };
    case 'F2':
      return { type: 'toggleMode' };
  }
  const arrow = arrows[k.key];
  if (arrow !== undefined && mode === 'enter' && !k.shiftKey) return { type: 'commit', dRow: arrow[0], dCol: arrow[1] };
  return null;
}

/**
 * The column Tab (direction 1) or Shift+Tab (-1) goes to from `col`: the next column that takes input, as in an
 * Excel sheet whose computed columns are protected; null past the last one, where the focus leaves the grid.
 */
export function tabColumn(inputColumns: readonly number[], col: number, direction: 1 | -1): number | null {
  const next = direction === 1 ? inputColumns.find((c) => c > col) : inputColumns.findLast((c) => c < col);
  return next ?? null;
}
