import { describe, expect, it } from 'vitest';
import { createGroupCommit } from '../src/lib/group-commit';

/** A write that records each batch and answers item × 10, after a turn of the event loop. */
function recordingWrite() {
  const batches: number[][] = [];
  const write = async (items: readonly number[]) => {
    batches.push([...items]);
    await new Promise((resolve) => setImmediate(resolve));
    return items.map((i) => i * 10);
  };
  return { batches, write };
}

describe('group commit', () => {
  it('writes one item alone, and answers it', async () => {
    const { batches, write } = recordingWrite();
    const commit = createGroupCommit({ write });
    await expect(commit.submit(7)).resolves.toBe(70);
    expect(batches).toEqual([[7]]);
  });

  it('carries the items submitted together in one write, each caller getting its own result', async () => {
    const { batches, write } = recordingWrite();
    const commit = createGroupCommit({ write });
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => commit.submit(i)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('queues what arrives during a write for the next one, in arrival order', async () => {
    const { batches, write } = recordingWrite();
    const commit = createGroupCommit({ write });
    const first = commit.submit(1);
    // Let the first write start, then submit while it runs.
    await new Promise((resolve) => setImmediate(resolve));
    const later = [2, 3, 4].map((i) => commit.submit(i));
    expect(await first).toBe(10);
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('splits a long queue into writes of at most maxBatch items', async () => {
    const { batches, write } = recordingWrite();
    const commit = createGroupCommit({ write, maxBatch: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => commit.submit(i)));
    expect(results).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('runs up to `concurrency` writes at once, each taking what queued meanwhile', async () => {
    const batches: number[][] = [];
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const commit = createGroupCommit<number, number>({
      concurrency: 2,
      write: async (items) => {
        batches.push([...items]);
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => gates.push(resolve));
        running -= 1;
        return items.map((i) => i + 100);
      },
    });
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    const a = commit.submit(1);
    await turn();
    const b = commit.submit(2);
    await turn();
    // Both writes are running; a third item waits for one of them to finish.
    const c = commit.submit(3);
    const d = commit.submit(4);
    await turn();
    expect(batches).toEqual([[1], [2]]);
    gates.shift()!();
    expect(await a).toBe(101);
    await turn();
    expect(batches).toEqual([[1], [2], [3, 4]]);
    while (gates.length > 0) gates.shift()!();
    expect(await Promise.all([b, c, d])).toEqual([102, 103, 104]);
    expect(most).toBe(2);
  });

  it('rejects every caller of a failed write and goes on with the next', async () => {
    let calls = 0;
    const commit = createGroupCommit<number, number>({
      write: async (items) => {
        calls += 1;
        await Promise.resolve();
        if (calls === 1) throw new Error('disk full');
        return items.map((i) => -i);
      },
    });
    const failed = [1, 2].map((i) => commit.submit(i));
    for (const f of failed) await expect(f).rejects.toThrow('disk full');
    await expect(commit.submit(3)).resolves.toBe(-3);
  });

  it('rejects when the write answers the wrong number of results', async () => {
    const commit = createGroupCommit<number, number>({ write: () => Promise.resolve([1]) });
    const both = [commit.submit(1), commit.submit(2)];
    for (const p of both) await expect(p).rejects.toThrow('1 results for 2 items');
  });

  it('drain waits until nothing is queued or being written', async () => {
    const { batches, write } = recordingWrite();
    const commit = createGroupCommit({ write });
    let settled = 0;
    for (const i of [1, 2, 3]) void commit.submit(i).then(() => (settled += 1));
    await commit.drain();
    expect(settled).toBe(3);
    expect(batches.flat()).toEqual([1, 2, 3]);
    await commit.drain(); // nothing running: returns at once
  });
});
