import { formatViNumber } from '../../../shared/numbers/vi-number';

/**
 * A figure of the preview in Vietnamese notation with at least the indicator's decimals and as many more as
 * it holds (up to six): a preview must not round away a difference the import would write.
 */
export function showExact(x: number, minDecimals: number): string {
  let decimals = minDecimals;
  const roundsAway = (d: number) => {
    const scaled = x * 10 ** d;
    // Relative to the figure's size: binary fractions (0,1 + 0,2) must not count as more decimals.
    return Math.abs(Math.round(scaled) - scaled) > 1e-9 * Math.max(1, Math.abs(scaled));
  };
  while (decimals < 6 && roundsAway(decimals)) decimals++;
  return formatViNumber(x, decimals);
}

/** A confidence of 0–1 as the clerk reads it: "khớp 80%". */
export function confidenceText(confidence: number): string {
  return `khớp ${Math.round(confidence * 100)}%`;
}
