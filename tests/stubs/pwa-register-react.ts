// Unit-test stand-in for the vite-plugin-pwa virtual module (it only exists inside a Vite build).
import { useState } from 'react';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

export function useRegisterSW(_options?: RegisterSWOptions) {
  return {
    offlineReady: useState(false),
    needRefresh: useState(false),
    updateServiceWorker: async (_reload?: boolean) => {},
  };
}
