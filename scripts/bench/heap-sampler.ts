// Samples a page's JS heap from the driver (CDP Runtime.getHeapUsage) every ~250 ms while a long
// operation runs, so the peak is measured where it happens, not only before and after. Chromium's
// IndexedDB lives in the browser process, outside the page's heap: what this reports is the page's
// working memory. usedSize is the V8 heap; backingStorageSize the ArrayBuffers' bytes, held outside
// the V8 heap but by the same page (a file built in memory would show there).
import type { BrowserContext, CDPSession, Page } from '@playwright/test';

export interface HeapPeak {
  /** Samples taken (one every `intervalMs` while the page answered). */
  samples: number;
  /** Peak V8 heap in use (MB = 10^6 bytes). */
  peakUsedMB: number;
  /** Peak V8 heap reserved. */
  peakTotalMB: number;
  /** Peak ArrayBuffer backing stores (null when this Chromium does not report them). */
  peakBackingMB: number | null;
  /** The sample at the start and at the end, V8 heap in use. */
  startUsedMB: number;
  endUsedMB: number;
}

interface HeapUsage {
  usedSize: number;
  totalSize: number;
  backingStorageSize?: number;
}

const MB = (bytes: number) => Math.round(bytes / 1e5) / 10;

export class HeapSampler {
  private peak = { used: 0, total: 0, backing: -1 };
  private first: HeapUsage | null = null;
  private last: HeapUsage | null = null;
  private samples = 0;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;

  private constructor(private readonly cdp: CDPSession) {}

  static async start(context: BrowserContext, page: Page, intervalMs = 250): Promise<HeapSampler> {
    const sampler = new HeapSampler(await context.newCDPSession(page));
    await sampler.sample();
    sampler.timer = setInterval(() => void sampler.sample(), intervalMs);
    return sampler;
  }

  private async sample(): Promise<void> {
    // A busy main thread answers late: never queue a second request behind the first.
    if (this.inFlight) return;
    this.inFlight = true;
    try {
      const usage = (await this.cdp.send('Runtime.getHeapUsage')) as HeapUsage;
      this.samples += 1;
      this.first ??= usage;
      this.last = usage;
      this.peak.used = Math.max(this.peak.used, usage.usedSize);
      this.peak.total = Math.max(this.peak.total, usage.totalSize);
      if (usage.backingStorageSize !== undefined)
        this.peak.backing = Math.max(this.peak.backing, usage.backingStorageSize);
    } catch {
      // The page went (navigation, close): the samples so far stand.
    } finally {
      this.inFlight = false;
    }
  }

  /** The peak since start, or since the last `reset()`. */
  async stop(): Promise<HeapPeak> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sample();
    await this.cdp.detach().catch(() => undefined);
    return this.result();
  }

  result(): HeapPeak {
    return {
      samples: this.samples,
      peakUsedMB: MB(this.peak.used),
      peakTotalMB: MB(this.peak.total),
      peakBackingMB: this.peak.backing < 0 ? null : MB(this.peak.backing),
      startUsedMB: MB(this.first?.usedSize ?? 0),
      endUsedMB: MB(this.last?.usedSize ?? 0),
    };
  }

  /** Starts a new phase: the peak so far is returned and forgotten. */
  phase(): HeapPeak {
    const r = this.result();
    this.peak = { used: 0, total: 0, backing: -1 };
    this.first = this.last;
    this.samples = 0;
    return r;
  }
}
