import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { readAll } from './read-all';

/** A lazy read, as Drizzle's are: it starts when awaited and logs when it starts and ends. */
function read(log: string[], name: string, value: number): PromiseLike<number> {
  return {
    then(onFulfilled, onRejected) {
      log.push(`start ${name}`);
      return new Promise<number>((resolve) =>
        setTimeout(() => {
          log.push(`end ${name}`);
          resolve(value);
        }, 5),
      ).then(onFulfilled, onRejected);
    },
  };
}

describe('readAll', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = openDatabase({});
    await database.migrate();
  });
  afterAll(async () => {
    await database.close();
  });

  it('runs the reads at once on the database', async () => {
    const log: string[] = [];
    const results = await readAll(database.db, [read(log, 'a', 1), read(log, 'b', 2)]);
    expect(results).toEqual([1, 2]);
    expect(log).toEqual(['start a', 'start b', 'end a', 'end b']);
  });

  it('runs them one after another, in order, inside a transaction', async () => {
    const log: string[] = [];
    const results = await database.db.transaction((tx) =>
      readAll(tx, [read(log, 'a', 1), read(log, 'b', 2), read(log, 'c', 3)]),
    );
    expect(results).toEqual([1, 2, 3]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
