import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sessionChartRoutes } from './chart-routes';
import type { SessionRouteOptions } from './context';
import { sessionDeviceRoutes } from './device-routes';
import { sessionLifecycleRoutes } from './lifecycle-routes';
import { sessionPreCheckRoutes } from './precheck-routes';

export type { SessionRouteOptions } from './context';

/** Infusion and esketamine sessions: check-in to discharge, the flowsheet and monitor devices. */
export const sessionRoutes: FastifyPluginAsyncZod<SessionRouteOptions> = async (app, options) => {
  await app.register(sessionLifecycleRoutes, options);
  await app.register(sessionPreCheckRoutes, options);
  await app.register(sessionChartRoutes, options);
  await app.register(sessionDeviceRoutes, options);
};
