/** Test helpers for version 2 backups: split a file into its lines, open and re-seal chunks. Test-only. */
import type { VaultSession } from '../session';
import { fromBase64, toBase64 } from './base64';
import { chunkClear, type StreamHeader } from './stream-format';

export interface SplitFile {
  header: StreamHeader;
  headerLine: string;
  chunks: string[];
  trailer: string;
}

export function splitStream(text: string): SplitFile {
  const lines = text.split('\n').filter((l) => l !== '');
  const [headerLine = '', ...rest] = lines;
  return {
    header: JSON.parse(headerLine) as StreamHeader,
    headerLine,
    chunks: rest.slice(0, -1),
    trailer: rest.at(-1) ?? '',
  };
}

export function joinStream(file: SplitFile): string {
  return `${[file.headerLine, ...file.chunks, file.trailer].join('\n')}\n`;
}

export interface ChunkBody {
  table: string;
  rows: Record<string, unknown>[];
}

/** Opens chunk `index` with the vault's own session (what only a key holder can do). */
export async function openChunk(session: VaultSession, file: SplitFile, index: number): Promise<ChunkBody> {
  const line = JSON.parse(file.chunks[index] ?? '') as { iv: string; ct: string };
  const data = await session.openManifest('settings', chunkClear(file.header, index), {
    iv: fromBase64(line.iv),
    ct: fromBase64(line.ct),
  });
  return data as ChunkBody;
}

/** Seals `body` as chunk `index` of `file` (a key holder editing a chunk; the trailer stays as it was). */
export async function resealChunk(
  session: VaultSession,
  file: SplitFile,
  index: number,
  body: ChunkBody,
): Promise<string> {
  const sealed = await session.sealManifest('settings', chunkClear(file.header, index), body);
  return JSON.stringify({ chunk: index, iv: toBase64(sealed.iv), ct: toBase64(sealed.ct) });
}
