// The floor app: one route reading one Dexie table, a zustand store, the service worker registered
// through useRegisterSW as in the app. Nothing else: it is the smallest first screen on this stack.

import { useRegisterSW } from 'virtual:pwa-register/react';
import Dexie, { type EntityTable } from 'dexie';
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { create } from 'zustand';

interface Item {
  id: string;
  title: string;
}

const db = new Dexie('floor') as Dexie & { items: EntityTable<Item, 'id'> };
db.version(1).stores({ items: 'id' });

const useItems = create<{ items: Item[] | null; set: (items: Item[]) => void }>((set) => ({
  items: null,
  set: (items) => set({ items }),
}));

function Home() {
  const items = useItems((s) => s.items);
  const setItems = useItems((s) => s.set);
  const {
    offlineReady: [offlineReady],
  } = useRegisterSW();
  useEffect(() => {
    db.items.toArray().then(setItems, () => setItems([]));
  }, [setItems]);
  return (
    <main>
      <h1>Floor</h1>
      {items === null ? <p>…</p> : <p>{items.length} items</p>}
      {offlineReady && <p role="status">Offline klaar</p>}
    </main>
  );
}

const router = createBrowserRouter([{ path: '/', element: <Home /> }]);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
