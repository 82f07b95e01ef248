// Dom tests only: hand the app's route table to the render helper, as src/main.tsx hands it to the
// browser router (nothing in src imports src/app except main.tsx).
import { routes } from '../src/app/routes';
import { setTestRoutes } from '../src/runtime/testing/test-runtime';

setTestRoutes(routes);
