// Every error leaves the server here, as one JSON shape with a stable code.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorBody, isAppError } from '../core/errors.ts';
import { translateDbError } from '../core/db/pg-errors.ts';

const MB = 1024 * 1024;
const MULTIPART_BROKEN = /unexpected end of multipart data|^Multipart: Boundary not found|^Malformed part header/i;

/** Fastify's own errors (parsing, limits, validation) as AppErrors. */
function fromFastify(e: FastifyError, uploadLimit: number): AppError | undefined {
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('REQUEST_MALFORMED_JSON');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('REQUEST_TOO_LARGE', { limit: '1 MB' });
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('REQUEST_TOO_LARGE', { limit: `${Math.round(uploadLimit / MB)} MB` });
    case 'FST_PARTS_LIMIT':
    case 'FST_FILES_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError('UPLOAD_TOO_MANY_PARTS');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError('REQUEST_UNSUPPORTED_MEDIA');
    case 'FST_ERR_VALIDATION':
      return new AppError('REQUEST_INVALID', { detail: e.message });
  }
  // busboy's own errors carry no code: a body cut short or without its boundary.
  if (!e.code && MULTIPART_BROKEN.test(e.message ?? '')) return new AppError('UPLOAD_MALFORMED');
  if (e.validation) return new AppError('REQUEST_INVALID', { detail: e.message });
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new AppError('REQUEST_INVALID', { detail: e.message });
  }
  return undefined;
}

export function installErrorHandler(app: FastifyInstance, uploadLimit: number) {
  app.setErrorHandler((err, req, reply) => {
    const e = translateDbError(err);
    const app_ = isAppError(e) ? e : fromFastify(err as FastifyError, uploadLimit);
    if (app_) {
      if (app_.status >= 500) req.log.error({ err }, 'server error');
      return reply.status(app_.status).send(app_.toJSON());
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('INTERNAL'));
  });
  app.setNotFoundHandler((req, reply) => reply.status(404).send(errorBody('ROUTE_NOT_FOUND')));
}
