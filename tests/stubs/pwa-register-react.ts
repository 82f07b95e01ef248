// Unit-test stand-in for the vite-plugin-pwa virtual module (it only exists inside a Vite build).
// Tests steer it through `pwaStub` instead of vi.mock: the dom setup imports the route table (and so
// the update prompt) before a test file runs, so a mock registered by the test would come too late.
import { useEffect, useState } from 'react';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

export const pwaStub = {
  offlineReady: false,
  needRefresh: false,
  updateServiceWorker: async (_reload?: boolean): Promise<void> => {},
  /** When set, handed to `onRegisteredSW` after the first render, as the plugin does once registered. */
  registration: undefined as ServiceWorkerRegistration | undefined,
};

export function useRegisterSW(options?: RegisterSWOptions) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: registered once per mount, like the plugin
  useEffect(() => {
    if (pwaStub.registration) options?.onRegisteredSW?.('/sw.js', pwaStub.registration);
  }, []);
  return {
    offlineReady: useState(pwaStub.offlineReady),
    needRefresh: useState(pwaStub.needRefresh),
    updateServiceWorker: (reload?: boolean) => pwaStub.updateServiceWorker(reload),
  };
}
