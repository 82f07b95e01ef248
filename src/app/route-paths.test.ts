import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ROUTE_PATHS } from './route-paths';
import { routes } from './routes';

const join = (parent: string, path: string) => (path.startsWith('/') ? path : `${parent.replace(/\/$/, '')}/${path}`);

/** The full path of every route that renders a page, walked from the router's own table. */
function pathsOf(table: readonly RouteObject[], parent = '/'): string[] {
  return table.flatMap((route) => {
    if (route.index) return [parent];
    if (route.path === '*') return ['*'];
    const here = route.path === undefined ? parent : join(parent, route.path);
    return route.children ? pathsOf(route.children, here) : [here];
  });
}

describe('the route table', () => {
  it('lists exactly the paths of the router, so browser tests that iterate it visit every route', () => {
    expect([...ROUTE_PATHS].sort()).toEqual(pathsOf(routes).sort());
  });
});
