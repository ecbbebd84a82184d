import { describe, expect, it } from 'vitest';
import { editorKeyAction, gridKeyAction, type KeyStroke } from '../../shared/grid/key-actions';

function key(k: string, mods: Partial<KeyStroke> = {}): KeyStroke {
  return { key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('keys on the grid', () => {
  it('moves with arrows, Tab and Enter', () => {
    expect(gridKeyAction(key('ArrowDown'))).toEqual({ type: 'move', dRow: 1, dCol: 0, extend: false });
    expect(gridKeyAction(key('Tab'))).toEqual({ type: 'move', dRow: 0, dCol: 1, extend: false });
    expect(gridKeyAction(key('Tab', { shiftKey: true }))).toEqual({ type: 'move', dRow: 0, dCol: -1, extend: false });
    expect(gridKeyAction(key('Enter'))).toEqual({ type: 'move', dRow: 1, dCol: 0, extend: false });
  });

  it('extends the selection with Shift and arrows', () => {
    expect(gridKeyAction(key('ArrowRight', { shiftKey: true }))).toEqual({
      type: 'move',
      dRow: 0,
      dCol: 1,
      extend: true,
    });
  });

  it('jumps to the edges with Ctrl and arrows, Home and End', () => {
    expect(gridKeyAction(key('ArrowDown', { ctrlKey: true }))).toEqual({ type: 'jump', to: 'bottom', extend: false });
    expect(gridKeyAction(key('Home'))).toEqual({ type: 'jump', to: 'rowStart', extend: false });
    expect(gridKeyAction(key('End', { ctrlKey: true }))).toEqual({ type: 'jump', to: 'last', extend: false });
  });

  it('starts editing with the typed character, or with the cell text on F2', () => {
    expect(gridKeyAction(key('1'))).toEqual({ type: 'edit', text: '1' });
    expect(gridKeyAction(key('-'))).toEqual({ type: 'edit', text: '-' });
    expect(gridKeyAction(key('F2'))).toEqual({ type: 'edit', text: null });
    expect(gridKeyAction(key('Backspace'))).toEqual({ type: 'edit', text: '' });
  });

  it('clears with Delete, undoes with Ctrl+Z and redoes with Ctrl+Y or Ctrl+Shift+Z', () => {
    expect(gridKeyAction(key('Delete'))).toEqual({ type: 'clear' });
    expect(gridKeyAction(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' });
    expect(gridKeyAction(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' });
    expect(gridKeyAction(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' });
  });

  it('leaves copy, paste and browser keys alone', () => {
    expect(gridKeyAction(key('c', { ctrlKey: true }))).toBeNull();
    expect(gridKeyAction(key('v', { ctrlKey: true }))).toBeNull();
    expect(gridKeyAction(key('F5'))).toBeNull();
    expect(gridKeyAction(key('Shift', { shiftKey: true }))).toBeNull();
  });
});

describe('keys in an open editor', () => {
  it('commits and moves with Enter and Tab', () => {
    expect(editorKeyAction(key('Enter'), 'edit')).toEqual({ type: 'commit', dRow: 1, dCol: 0 });
    expect(editorKeyAction(key('Tab', { shiftKey: true }), 'edit')).toEqual({ type: 'commit', dRow: 0, dCol: -1 });
  });

  it('cancels with Escape', () => {
    expect(editorKeyAction(key('Escape'), 'enter')).toEqual({ type: 'cancel' });
  });

  it('leaves the cell with arrows only when editing began by typing', () => {
    expect(editorKeyAction(key('ArrowUp'), 'enter')).toEqual({ type: 'commit', dRow: -1, dCol: 0 });
    expect(editorKeyAction(key('ArrowLeft'), 'edit')).toBeNull();
  });
});
