// PostgreSQL errors become AppErrors here and nowhere else.
import { AppError, isAppError } from '../errors.ts';

interface PgLikeError {
  code?: string;
  detail?: string;
  constraint?: string;
  message?: string;
}

export function translateDbError(e: unknown): unknown {
  if (isAppError(e) || typeof e !== 'object' || e === null) return e;
  const pe = e as PgLikeError;
  if (typeof pe.code !== 'string' || pe.code.length !== 5) return e;
  const detail = pe.constraint ?? pe.detail ?? pe.message ?? '';
  switch (pe.code) {
    case '23505':
      return new AppError('DB_DUPLICATE', { detail });
    case '23503':
      return new AppError('DB_REFERENCE', { detail });
    case '23514':
    case '23502':
      return new AppError('DB_CONSTRAINT', { detail });
    case '22P02':
    case '22003':
    case '22007':
    case '22008':
    case '22001':
      return new AppError('DB_INVALID_VALUE', { detail: pe.message ?? '' });
    case '57P01':
    case '08006':
    case '08003':
      return new AppError('DB_UNAVAILABLE');
    default:
      return e;
  }
}

/** A unique violation, of the named constraint when given (PGlite names it only in the message). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const pe = e as PgLikeError | null;
  if (pe?.code !== '23505') return false;
  return !constraint || pe.constraint === constraint || (pe.message ?? '').includes(constraint);
}
