/**
 * One person in a browser, as the server sees it: a cookie jar, signing in through next-auth's credentials
 * endpoint as the login form does, then loading pages and calling tRPC over HTTP.
 */
export class VirtualUser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  /** The same signed-in browser sent to another instance of the same Préau, as a load balancer may send it. */
  at(baseUrl: string): VirtualUser {
    const moved = new VirtualUser(baseUrl);
    for (const [name, value] of this.cookies) moved.cookies.set(name, value);
    return moved;
  }

  async logIn(login: string, password: string): Promise<void> {
    const { csrfToken } = (await (await this.request("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, login, password, json: "true", callbackUrl: `${this.baseUrl}/accueil` }),
    });
    const { url } = (await response.json()) as { url?: string };
    if (!url || url.includes("error=")) throw new Error(`Login refused for ${login}: ${url}`);
  }

  /** Loads a page (its HTML, server-rendered), and fails unless it is served. */
  async page(path: string): Promise<void> {
    const response = await this.request(path);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  }

  /** Calls a tRPC query over HTTP, as the browser's client does. */
  async query(procedure: string, input?: unknown): Promise<void> {
    const search = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    const response = await this.request(`/api/trpc/${procedure}${search}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${procedure}: ${response.status}`);
  }

  /** Calls a tRPC mutation over HTTP from Préau's own page, as the browser's client does. */
  async mutate(procedure: string, input: unknown): Promise<unknown> {
    const response = await this.request(`/api/trpc/${procedure}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: this.baseUrl },
      body: JSON.stringify({ json: input }),
    });
    const body = (await response.json()) as { result?: { data?: { json?: unknown } } };
    if (response.status !== 200) throw new Error(`${procedure}: ${response.status} ${JSON.stringify(body)}`);
    return body.result?.data?.json;
  }

  /** Opens a response that stays open (the live channel), and fails unless it is served. */
  async open(path: string, signal: AbortSignal): Promise<Response> {
    const response = await this.request(path, { signal });
    if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    return response;
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(`${this.baseUrl}${path}`, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers as Record<string, string>), ...(cookie ? { Cookie: cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return response;
  }
}
