import { afterEach, describe, expect, it } from 'vitest';
import { dataChangeSchema, type DataChange } from '../../shared/api/events';
import { chitieuOk } from '../support/cli';
import { makeDataDir } from '../support/data-dir';
import { callApi, startServer, type RunningServer } from '../support/serve';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

/** Reads the server's event stream as a browser page would, and hands each change event over. */
async function openEvents(running: RunningServer, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.origin}/api/events`, {
    headers: { authorization: `Bearer ${running.token}`, ...headers },
  });
  const changes: DataChange[] = [];
  let text = '';
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += value;
      let end: number;
      while ((end = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, end);
        text = text.slice(end + 2);
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (/^event: change$/m.test(block) && data) changes.push(dataChangeSchema.parse(JSON.parse(data)));
      }
    }
  })();
  const next = async (within: number): Promise<DataChange> => {
    const until = Date.now() + within;
    while (changes.length === 0) {
      if (Date.now() > until) throw new Error(`no change event within ${within} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return changes.shift()!;
  };
  return { response, next, reading };
}

describe('the browser door tells every open page what changed', () => {
  it('sends a change event to a listening page within a second of values.set, with the figures written', async () => {
    server = await startServer(makeDataDir());
    const events = await openEvents(server);
    expect(events.response.status).toBe(200);
    expect(events.response.headers.get('content-type')).toContain('text/event-stream');

    const saved = await callApi(server, 'values.set', {
      period: '2023-H1',
      entries: [{ code: 'XNK', value: '2.260' }],
    });
    expect(saved.status).toBe(200);
    const change = await events.next(1000);
    expect(change).toMatchObject({
      operation: 'values.set',
      origin: null,
      figures: { unitId: null, period: '2023-H1', year: null, codes: ['XNK'] },
    });
    expect(change.invalidates).toContain('values.grid');
  });

  it('tells a change made by the command line on the same data folder, and the stream ends when the server stops', async () => {
    const dataDir = makeDataDir();
    const running = await startServer(dataDir);
    server = running;
    const events = await openEvents(running);
    chitieuOk(dataDir, 'values', 'set', '--period', '2023-H1', 'BLHH=14.659,9');
    const change = await events.next(1500);
    expect(change).toMatchObject({ operation: null, origin: null, figures: null });
    expect(change.invalidates).toEqual(expect.arrayContaining(['values.grid', 'plans.grid', 'catalog.list']));

    await running.stop();
    server = null;
    await events.reading;
  });

  it('refuses the event stream without the token, or to a foreign Origin', async () => {
    server = await startServer(makeDataDir());
    expect((await fetch(`${server.origin}/api/events`)).status).toBe(401);
    const foreign = await fetch(`${server.origin}/api/events`, {
      headers: { authorization: `Bearer ${server.token}`, origin: 'http://evil.example' },
    });
    expect(foreign.status).toBe(403);
  });
});
