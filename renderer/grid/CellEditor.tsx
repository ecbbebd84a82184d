import { useId, useLayoutEffect, useRef, type ClipboardEvent, type KeyboardEvent } from 'react';
import type { EditorState } from './use-grid-editing';

interface Props {
  editor: EditorState;
  label: string;
  onChange(text: string): void;
  onKeyDown(e: KeyboardEvent<HTMLInputElement>): void;
  onBlur(): void;
  onPaste(e: ClipboardEvent<HTMLInputElement>): void;
}

/** The text box over the cell being edited; a refused text stays in it with the reason underneath. */
export function CellEditor({ editor, label, onChange, onKeyDown, onBlur, onPaste }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();
  useLayoutEffect(() => {
    const el = input.current;
    if (el === null) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  return (
    <>
      <input
        ref={input}
        className={editor.error === null ? 'grid-editor' : 'grid-editor has-error'}
        aria-label={label}
        aria-invalid={editor.error !== null}
        aria-describedby={editor.error === null ? undefined : errorId}
        value={editor.text}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
        onPaste={onPaste}
      />
      {editor.error === null ? null : (
        <div id={errorId} role="alert" className="grid-editor-error">
          {editor.error}
        </div>
      )}
    </>
  );
}
