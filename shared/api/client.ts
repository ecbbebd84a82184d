import { contract, type OperationInput, type OperationName, type OperationOutput } from './contract';
import { apiResponseSchema } from './envelope';
import { AppError } from './errors';

/** Carries one call to the backend and brings back its raw envelope; IPC and HTTP each provide one. */
export type Transport = (operation: OperationName, input: unknown) => Promise<unknown>;

export interface ApiClient {
  call<K extends OperationName>(operation: K, input: OperationInput<K>): Promise<OperationOutput<K>>;
}

/** The renderer's and scripts' only way to the backend; it does not know which door carries the call. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(operation, input) {
      const raw = await transport(operation, input);
      const envelope = apiResponseSchema.safeParse(raw);
      if (!envelope.success) {
        throw new AppError(
          'internal',
          'Phản hồi từ ChiTieu không đúng dạng.',
          { raw },
          `malformed response to ${operation}`,
        );
      }
      if (!envelope.data.ok) {
        const { code, message, details } = envelope.data.error;
        throw new AppError(code, message, details);
      }
      const output = contract[operation].output.safeParse(envelope.data.result);
      if (!output.success) {
        throw new AppError(
          'internal',
          'Phản hồi từ ChiTieu không đúng dạng.',
          { issues: output.error.issues },
          `malformed output of ${operation}`,
        );
      }
      return output.data as OperationOutput<typeof operation>;
    },
  };
}
