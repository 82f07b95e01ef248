// Saves text or a Blob as a file through a temporary object URL (works offline; no server involved).
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

let lastUrl: string | null = null;

function revokeLast(): void {
  if (lastUrl !== null) URL.revokeObjectURL(lastUrl);
  lastUrl = null;
}

/**
 * A Blob is handed to the browser as it is: a large backup is never turned into one string. Its URL
 * stays valid until the next download or until the page goes: the browser copies a gigabyte-sized
 * Blob into the download for longer than any fixed delay, and revoking it meanwhile cancels the
 * download (what a 10-second timer did to a team's 1.6 GB backup).
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  revokeLast();
  const url = URL.createObjectURL(blob);
  lastUrl = url;
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', revokeLast);
