import { formatViNumber } from '../../../shared/numbers/vi-number';

/**
 * A figure of the preview in Vietnamese notation with at least the indicator's decimals and as many more as
 * it holds (up to six): a preview must not round away a difference the import would write.
 */
export function showExact(x: number, minDecimals: number): string {
  let decimals = minDecimals;
  while (decimals < 6 && Math.abs(Math.round(x * 10 ** decimals) - x * 10 ** decimals) > 1e-6 * Math.max(1, Math.abs(x) * 10 ** decimals)) decimals++;
  return formatViNumber(x, decimals);
}

/** A confidence of 0–1 as the clerk reads it: "khớp 80%". */
export function confidenceText(confidence: number): string {
  return `khớp ${Math.round(confidence * 100)}%`;
}
