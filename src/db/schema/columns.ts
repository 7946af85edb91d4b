import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A full-text search vector, kept by PostgreSQL as a generated column. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** When a row was made and last changed: the pair most tables carry. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
