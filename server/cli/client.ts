/** The CLI's connection to the service: its URL and the operator's token. */
export interface Connection {
  server: string;
  token: string;
}

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly body: { error?: { zh: string; en: string }; problems?: { zh: string; en: string }[] } | null,
  ) {
    super(body?.error ? `${body.error.zh}（${body.error.en}）` : `HTTP ${status}`);
  }
}

export const request = async <T = unknown>(
  connection: Connection,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
): Promise<T> => {
  const headers: Record<string, string> = { authorization: `Bearer ${connection.token}` };
  let payload: BodyInit | undefined;
  if (body instanceof Uint8Array) {
    headers['content-type'] = contentType;
    payload = body as unknown as BodyInit;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, connection.server), { method, headers, body: payload });
  } catch {
    throw new ServiceError(0, {
      error: { zh: `连不上服务 ${connection.server}`, en: `Cannot reach the service at ${connection.server}` },
    });
  }
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw new ServiceError(response.status, parsed as ServiceError['body']);
  return parsed as T;
};
