/** Wrong words on the command line: exit code 2, as for bad input. */
export class UsageError extends Error {
  constructor(messageVi: string) {
    super(messageVi);
    this.name = 'UsageError';
  }
}
