/** The bytes of base64 text (a file the backend wrote, an image the chart drew). */
export function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * Hands a file to the browser as a download: in the browser mode it lands in the downloads folder, in the
 * desktop app Electron's default download handling asks where to save it.
 */
export function saveFile(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click is handled; a later revoke frees the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
