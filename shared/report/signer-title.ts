/**
 * The title above the head's signature, a line each as Cài đặt holds it: a deputy signs "KT. GIÁM ĐỐC" over
 * "PHÓ GIÁM ĐỐC", two lines that must not run into one.
 */
export function signerTitleLines(headTitle: string): string[] {
  const lines = headTitle
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim().toUpperCase())
    .filter((l) => l !== '');
  return lines.length > 0 ? lines : ['THỦ TRƯỞNG ĐƠN VỊ'];
}
