import type { ClipboardEvent } from 'react';
import type { GridEditing } from './use-grid-editing';

/** Ctrl+C and Ctrl+V on the grid itself act on the selection; inside the editor, the input keeps its own. */
export function useGridClipboard(editing: GridEditing) {
  const onCopy = (e: ClipboardEvent) => {
    if (e.target !== e.currentTarget) return;
    e.preventDefault();
    e.clipboardData.setData('text/plain', editing.copySelection());
  };
  const onPaste = (e: ClipboardEvent) => {
    if (e.target !== e.currentTarget) return;
    e.preventDefault();
    editing.paste(e.clipboardData.getData('text/plain'));
  };
  return { onCopy, onPaste };
}
