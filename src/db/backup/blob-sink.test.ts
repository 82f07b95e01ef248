// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { blobSink } from './export-backup';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the Blob sink of the export', () => {
  it('gives the parts in order across its 32 MiB slices (here 8 bytes), strings and bytes alike', async () => {
    const sink = blobSink(8);
    for (const part of ['head\n', bytes('chunk-0\n'), bytes('chunk-1\n'), 'end\n']) await sink.write(part);
    expect(await sink.blob().text()).toBe('head\nchunk-0\nchunk-1\nend\n');
  });

  it('drops everything on reset (the export starts again), also what became a slice', async () => {
    const sink = blobSink(8);
    await sink.write(bytes('first attempt, long enough for a slice\n'));
    await sink.reset();
    await sink.write('second\n');
    expect(await sink.blob().text()).toBe('second\n');
  });
});
