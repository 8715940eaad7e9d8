export interface DemoUser {
  email: string;
  signInUrl: string;
  apiToken: string;
}

/** A small HTTP client for tests: keeps cookies like a browser, never follows redirects silently. */
export class Client {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  async request(
    method: string,
    path: string,
    init: { form?: Record<string, string | string[]>; json?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form))
        for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
      body = params.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (init.json !== undefined) {
      body = JSON.stringify(init.json);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(new URL(path, this.base), { method, headers, body, redirect: 'manual' });
    for (const c of response.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [name, value] = (pair ?? '').split('=');
      if (!name) continue;
      if (value) this.cookies.set(name.trim(), value.trim());
      else this.cookies.delete(name.trim());
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
  }

  get(path: string, headers?: Record<string, string>) {
    return this.request('GET', path, { headers });
  }

  post(path: string, form: Record<string, string | string[]>) {
    return this.request('POST', path, { form });
  }

  /** The demo users as `/local/demo-users` lists them for machines. */
  async demoUsers(): Promise<DemoUser[]> {
    return (await this.get('/local/demo-users', { accept: 'application/json' })).json().users as DemoUser[];
  }

  /** Every demo user's API token by e-mail address. */
  async apiTokens(): Promise<Map<string, string>> {
    return new Map((await this.demoUsers()).map((u) => [u.email, u.apiToken]));
  }

  /** Signs in as a demo user through the same sign-in link a person would click. */
  async signInAs(email: string): Promise<void> {
    const user = (await this.demoUsers()).find((u) => u.email === email);
    if (!user) throw new Error(`No demo user ${email}`);
    const path = new URL(user.signInUrl).pathname;
    const confirm = await this.get(path);
    if (confirm.status !== 200) throw new Error(`Sign-in confirm page answered ${confirm.status}`);
    const done = await this.post(path, {});
    if (done.status !== 303) throw new Error(`Sign-in answered ${done.status}`);
  }
}

export function hiddenField(html: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!match?.[1]) throw new Error(`No hidden field ${name}`);
  return match[1];
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 30_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export interface OutboxMail {
  to: string[];
  subject: string;
  text: string;
  problemId?: string;
  level?: number;
  purpose: string;
  sentAt: string;
}

export async function outbox(client: Client, problemId?: string): Promise<OutboxMail[]> {
  const res = await client.get(`/local/outbox${problemId ? `?problem=${problemId}` : ''}`, {
    accept: 'application/json',
  });
  return (res.json().messages as OutboxMail[]).reverse();
}

export function linkIn(text: string, prefix = '/svar/'): string {
  const match = new RegExp(`https?://[^\\s]+(${prefix.replaceAll('/', '\\/')}[A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`No ${prefix} link in mail`);
  return match[1];
}
