/** A sheet's cell as read from its file, whatever the file format wrote (.xlsx, .xls). */
export type CellReading =
  /**
   * A number typed in, or the result a formula cell cached when Excel last saved it (`formula` set); `percent`
   * when its format shows it as a percentage, so that 0,392 is the 39,2 the reader sees.
   */
  | { t: 'n'; v: number; formula?: string; percent?: true }
  /** Text, including rich text and the text of a hyperlink; a formula's cached text result (`formula` set). */
  | { t: 's'; v: string; formula?: string }
  | { t: 'b'; v: boolean; formula?: string }
  /** An error value (#DIV/0!, #REF!) typed or cached. */
  | { t: 'e'; v: string; formula?: string }
  /** A formula whose result was never cached (a file written by a program, not by Excel). */
  | { t: 'f'; formula: string }
  | { t: 'd'; v: string };
