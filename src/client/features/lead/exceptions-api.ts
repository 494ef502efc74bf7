import type { ExceptionActionBody } from '../../../domain/exceptions/actions';
import type { ExceptionItem } from '../../../domain/exceptions/view';
import { callApi, type Answer } from './lead-call';

type Person = { id: string; name: string };

/** One exception as GET /api/exceptions describes it. */
export type { ExceptionItem };

export interface ExceptionList {
  exceptions: ExceptionItem[];
  counters: Person[];
  now: string;
}

export interface ExceptionActionAnswer {
  exception: ExceptionItem;
  result: Record<string, unknown>;
  version: number;
}

export type { Answer };

export interface ExceptionsApi {
  list(status: 'open' | 'handled', type: string | null): Promise<Answer<ExceptionList>>;
  act(id: string, body: ExceptionActionBody): Promise<Answer<ExceptionActionAnswer>>;
}

/** The exceptions queue's calls (leads and admins; docs/exceptions.md). */
export function exceptionsApi(token: string | null): ExceptionsApi {
  return {
    list: (status, type) => {
      const q = new URLSearchParams({ status });
      if (type) q.set('type', type);
      return callApi<ExceptionList>(`/api/exceptions?${q.toString()}`, { token });
    },
    act: (id, body) => callApi<ExceptionActionAnswer>(`/api/exceptions/${encodeURIComponent(id)}/actions`, { method: 'POST', body, token }),
  };
}
