import { InboxOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import './excel.css';

/**
 * Files dropped anywhere on the window go to the Nhập Excel panel. The panel may not be on screen when they
 * are dropped, so they wait here until it subscribes.
 */
type Receiver = (files: File[]) => void;

const waiting: File[] = [];
const receivers = new Set<Receiver>();

function deliver(files: File[]): void {
  if (receivers.size === 0) {
    waiting.push(...files);
    return;
  }
  for (const receive of receivers) receive(files);
}

/** The panel's side: every batch of dropped files, including those dropped before it was shown. */
export function useDroppedFiles(receive: Receiver): void {
  const latest = useRef(receive);
  useEffect(() => {
    latest.current = receive;
  });
  useEffect(() => {
    const receiver: Receiver = (files) => latest.current(files);
    receivers.add(receiver);
    if (waiting.length > 0) receiver(waiting.splice(0));
    return () => {
      receivers.delete(receiver);
    };
  }, []);
}

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * The window's side, mounted once by the app shell: a veil while files are dragged over the window, and on drop
 * the files handed to the panel and `onDrop` (which shows the panel). Without it the browser would open a
 * dropped workbook in place of the app.
 */
export function WindowFileDrop({ onDrop }: { onDrop(): void }) {
  const [dragging, setDragging] = useState(false);
  const latestOnDrop = useRef(onDrop);
  useEffect(() => {
    latestOnDrop.current = onDrop;
  });
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed; a count tells when the pointer left the window.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return;
      deliver(files);
      latestOnDrop.current();
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!dragging) return null;
  return (
    <div className="import-drop-veil" role="presentation">
      <div className="import-drop-veil-box">
        <InboxOutlined className="import-drop-veil-icon" />
        <div>Thả tệp Excel vào đây để nhập</div>
        <small>.xlsx, .xlsm hoặc .xls; có thể thả nhiều tệp một lúc</small>
      </div>
    </div>
  );
}
