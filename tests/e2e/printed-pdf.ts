import type { Browser, Page } from 'playwright-core';
import { extractText } from 'unpdf';
import { expect } from 'vitest';

/**
 * The page a print button just laid out (its print frame), printed to PDF by Chromium as the clerk's "Lưu dưới
 * dạng PDF" does, and the text of that PDF without spaces: a PDF places words by position, and a reader may split
 * a word in two ("N ơi nh ận").
 */
export async function printFrameText(browser: Browser, page: Page): Promise<string> {
  const frame = page.locator('iframe[data-print="chitieu"]');
  await frame.waitFor({ state: 'attached' });
  const html = await frame.getAttribute('srcdoc');
  expect(html).toContain('@page{size:A4');
  const paper = await browser.newPage();
  await paper.setContent(html ?? '');
  const pdf = await paper.pdf({ preferCSSPageSize: true });
  await paper.close();
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return spaceless(text);
}

/** A text as the PDF's is compared: without spaces. */
export const spaceless = (text: string): string => text.replace(/\s+/g, '');
