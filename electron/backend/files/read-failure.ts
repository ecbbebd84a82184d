/** The system's code for why a file could not be opened for reading, and the clerk's words for it. */
export function readFailureOf(error: unknown): { code: string | undefined; why: string } {
  const code = error instanceof Error && 'code' in error ? String(error.code) : undefined;
  const why =
    code === 'ENOENT'
      ? 'không có tệp này'
      : code === 'EACCES' || code === 'EPERM'
        ? 'không có quyền đọc tệp'
        : code === 'EISDIR'
          ? 'đây là một thư mục'
          : 'không mở được tệp';
  return { code, why };
}
