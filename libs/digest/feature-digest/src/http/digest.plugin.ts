import type { HttpPlugin } from '@bulletin/http';
import { createClientLimit } from './client-limit.js';
import { registerConfirmRoute } from './confirm.route.js';
import { acceptForms } from './form-body.js';
import { registerPreferencesRoutes } from './preferences.route.js';
import type { DigestHttpDeps } from './respond.js';
import { registerSubscribeRoutes } from './subscribe.route.js';
import { registerUnsubscribeRoutes } from './unsubscribe.route.js';

/** The digest's part of the HTTP server: subscribe, confirm, preferences, unsubscribe. */
export function digestPlugin(deps: DigestHttpDeps): HttpPlugin {
  return {
    name: 'digest',
    register(app) {
      acceptForms(app);
      const limit = createClientLimit(deps.config.digest.subscribeRatePerMinute);
      registerSubscribeRoutes(app, deps, limit);
      registerConfirmRoute(app, deps);
      registerPreferencesRoutes(app, deps);
      registerUnsubscribeRoutes(app, deps);
    },
  };
}
