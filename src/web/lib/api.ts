import { takeEarly } from './early-reads';

/** A failure the server explained: its stable code, a message for people, and the fields to fix. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Calls the Waymark API with the session cookie; answers parsed JSON or throws an ApiError. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  return send<T>(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Posts a form with a file (multipart/form-data); the browser sets the boundary. */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  return send<T>(path, { method: 'POST', body: form });
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let res: Response;
  try {
    // The first page's reads were started by the entry script, before this code arrived (app/landing.ts).
    const early = init.method === 'GET' ? takeEarly(path) : undefined;
    res = await (early ?? fetch(path, { credentials: 'same-origin', ...init }));
  } catch {
    throw new ApiError(0, 'network', 'Waymark cannot be reached. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    const e = (data as { error?: { code?: string; message?: string; fields?: Record<string, string> } }).error;
    throw new ApiError(
      res.status,
      e?.code ?? 'internal',
      e?.message ?? 'Something went wrong.',
      e?.fields ?? {},
      e ?? {},
    );
  }
  return data as T;
}

export const fieldError = (error: unknown, field: string) =>
  error instanceof ApiError ? error.fields[field] : undefined;
