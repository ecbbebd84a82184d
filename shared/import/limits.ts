/**
 * The largest workbook ChiTieu reads, in bytes: the backend refuses a larger one, and the browser and the
 * desktop window do not send it, with the same words.
 */
export const maxWorkbookBytes = 40 * 1024 * 1024;
