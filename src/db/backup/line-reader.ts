/**
 * Reads a Blob (a chosen File) line by line through `blob.stream()`: at most one line and one
 * decoded piece of the stream are held at a time. A line longer than `maxChars` is refused before
 * it is parsed, so a hostile file cannot make the reader build a giant string.
 */
import { BackupError } from './backup-error';

export async function* readLines(blob: Blob, maxChars: number): AsyncGenerator<string> {
  const reader = blob
    .stream()
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }))
    .getReader();
  let pieces: string[] = [];
  let length = 0;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<string>;
      try {
        next = await reader.read();
      } catch (e) {
        throw new BackupError('not-text', { cause: e });
      }
      if (next.done) break;
      let text = next.value;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n')) {
        if (length + nl > maxChars) throw new BackupError('too-large');
        pieces.push(text.slice(0, nl));
        yield pieces.join('');
        pieces = [];
        length = 0;
        text = text.slice(nl + 1);
      }
      length += text.length;
      if (length > maxChars) throw new BackupError('too-large');
      if (text !== '') pieces.push(text);
    }
    if (length > 0) yield pieces.join('');
  } finally {
    reader.releaseLock();
  }
}
