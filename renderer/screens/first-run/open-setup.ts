/** Asked by a screen that needs the office's names (Xuất Excel, Báo cáo): the setup dialog opens. */
const openSetupEvent = 'chitieu:open-setup';

export function openSetup(): void {
  window.dispatchEvent(new Event(openSetupEvent));
}

export function onOpenSetup(listener: () => void): () => void {
  window.addEventListener(openSetupEvent, listener);
  return () => window.removeEventListener(openSetupEvent, listener);
}
