import { afterEach, describe, expect, it } from 'vitest';
import { operationNames, takesPath } from '../../shared/api/contract';
import { localPathRefusalVi } from '../../electron/web/server';
import { makeDataDir } from '../support/data-dir';
import { callApi, startServer, type RunningServer } from '../support/serve';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

const pathOperations = operationNames.filter(takesPath);

describe('the browser door and operations that take a path on the server', () => {
  it('knows the operations the contract declares as taking a path', () => {
    expect(pathOperations).toEqual(
      expect.arrayContaining([
        'import.readPaths',
        'export.reportToFile',
        'export.fillTemplateToFile',
        'report.docxToFile',
        'backup.makeToFile',
        'backup.inspectFile',
        'backup.restoreFile',
        'backup.setFolder',
      ]),
    );
  });

  // Whatever the body says, even nothing at all: a new operation declared as taking a path is refused with it.
  it('refuses every one of them with 403 and the Vietnamese reason, before reading its input', async () => {
    const running = await startServer(makeDataDir());
    server = running;
    for (const operation of pathOperations) {
      for (const input of [{}, { path: '/etc/passwd' }, 'không phải JSON']) {
        const { status, body } = await callApi(running, operation, input);
        expect({ operation, status, body }).toEqual({
          operation,
          status: 403,
          body: { ok: false, error: { code: 'unauthorized', message: localPathRefusalVi } },
        });
      }
    }
  });

  it('answers an operation that takes no path', async () => {
    const running = await startServer(makeDataDir());
    server = running;
    const { status, body } = await callApi(running, 'backup.status', {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true });
  });
});
