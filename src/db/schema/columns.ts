import { customType } from 'drizzle-orm/pg-core';

/** A full-text search vector, kept by PostgreSQL as a generated column. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
