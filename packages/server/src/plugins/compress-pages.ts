import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses what the routes registered after it in the same plugin send (brotli or gzip, as the
 * browser accepts, over 1 kB): the HTML pages a patient opens on a phone. Registered only in the
 * page plugins, so API, FHIR and CDS Hooks answers are left as they are.
 */
export async function compressPages(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: true, encodings: ['br', 'gzip'], threshold: 1024 });
}
