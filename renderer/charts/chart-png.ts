import { bytesOfBase64 } from '../screens/common/save-file';

/** A PNG drawn by the chart, from its data URL. */
export function pngOfDataUrl(dataUrl: string): Blob {
  return new Blob([bytesOfBase64(dataUrl.slice(dataUrl.indexOf(',') + 1))], { type: 'image/png' });
}
