// The worker protocol (docs/protocol.md), as the Java worker speaks it: register, lease (long-poll), heartbeat,
// log, complete, deregister. Registration carries the enrolment token from the page's link, every call after it
// the worker's secret.

export class ProblemError extends Error {
  constructor(status, detail) {
    super(`${status}: ${detail}`);
    this.status = status;
  }
}

export class Api {
  constructor(base, enrolmentToken) {
    this.base = base;
    this.enrolmentToken = enrolmentToken;
    this.workerId = null;
    this.secret = null;
  }

  async register(registration) {
    const answer = await this.call('POST', 'workers', registration, this.enrolmentToken);
    this.workerId = answer.workerId;
    this.secret = answer.secret;
    return answer;
  }

  lease(slots, waitSeconds) {
    return this.call('POST', `workers/${this.workerId}/lease`, { slots, waitSeconds });
  }

  heartbeat(attempts) {
    return this.call('POST', `workers/${this.workerId}/heartbeat`, { attempts });
  }

  log(attemptId, leaseToken, chunks) {
    return this.call('POST', `workers/${this.workerId}/attempts/${attemptId}/log`, { leaseToken, chunks });
  }

  complete(attemptId, completion) {
    return this.call('POST', `workers/${this.workerId}/attempts/${attemptId}/complete`, completion);
  }

  /** The server's figures, which a registered worker may read. */
  stats() {
    return this.call('GET', 'stats');
  }

  /** Sent as the tab goes away: keepalive lets the request outlive the page, so its jobs are requeued at once. */
  deregisterOnExit() {
    if (!this.workerId) return;
    fetch(new URL(`workers/${this.workerId}`, this.base), {
      method: 'DELETE', keepalive: true, headers: { Authorization: `Bearer ${this.secret}` },
    }).catch(() => {});
  }

  async call(method, path, body, credential = this.secret) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (credential) headers.Authorization = `Bearer ${credential}`;
    const response = await fetch(new URL(path, this.base), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return null;
    const text = await response.text();
    if (!response.ok) {
      let detail = text;
      try { detail = JSON.parse(text).detail || text; } catch { /* not a problem document */ }
      throw new ProblemError(response.status, detail);
    }
    return text ? JSON.parse(text) : null;
  }
}
