/**
 * Prints a page the backend laid out (A4, the official layout) from a frame of its own, so the window's menus
 * and grid never reach the paper. The print dialog is the browser's, with its "Save as PDF" (Lưu dưới dạng PDF);
 * in the desktop window it is the system's, whose PDF printer does the same.
 */
export function printPage(html: string, title: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const frame = document.createElement('iframe');
    frame.title = `Bản in: ${title}`;
    frame.setAttribute('aria-hidden', 'true');
    frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
    frame.dataset['print'] = 'chitieu';
    document.querySelectorAll('iframe[data-print="chitieu"]').forEach((old) => old.remove());
    frame.onload = () => {
      const view = frame.contentWindow;
      if (view === null) {
        reject(new Error('Trình duyệt không mở được bản in.'));
        return;
      }
      // The title of the page is the name "Save as PDF" proposes.
      document.title = title;
      view.focus();
      view.print();
      document.title = 'ChiTieu';
      resolve();
    };
    frame.srcdoc = html;
    document.body.appendChild(frame);
  });
}
