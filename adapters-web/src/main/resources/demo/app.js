// The demo page's client: every call the service's HTTP API offers a browser app, in plain JavaScript.
// The tokens live in HttpOnly cookies: no script can read them, so this one never sees or stores
// them; the browser sends them because every call says credentials: 'same-origin'. A page on another
// origin would say credentials: 'include' and need its origin in AUTH_CORS_ALLOWED_ORIGINS.
'use strict';

const $ = (id) => document.getElementById(id);
const answers = []; // the last few answers, newest first, shown under "Last answers"

// One call to the API: the parsed JSON answer (or null), and on failure the problem's `code`.
async function api(method, path) {
  const response = await fetch(path, { method, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
  answers.unshift(`${method} ${path} → ${response.status}\n${text}`);
  answers.splice(5);
  $('log').textContent = answers.join('\n\n');
  if (!response.ok) {
    const code = body && body.code ? body.code : `http_${response.status}`;
    throw Object.assign(new Error(code), { code, status: response.status });
  }
  return body;
}

function showError(code) {
  $('error').hidden = !code;
  $('error').textContent = code ? `error: ${code}` : '';
}

// The access token's expiry, from the `exp` claim of a token the API answered in a body (refresh);
// shown only, never verified here: the service verifies every token it is sent.
function showExpiry(accessToken) {
  if (!accessToken) return;
  try {
    const payload = JSON.parse(atob(accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    $('access-expiry').textContent = new Date(payload.exp * 1000).toISOString();
  } catch (e) {
    $('access-expiry').textContent = 'unknown';
  }
}

function showUser(user) {
  $('user').hidden = !user;
  $('status').textContent = user ? `Logged in as ${user.username}` : 'Not logged in.';
  $('status').className = user ? '' : 'muted';
  if (!user) return;
  for (const field of ['id', 'username', 'nickname', 'email', 'lastLogin']) {
    $(`user-${field}`).textContent = user[field] === null ? '—' : String(user[field]);
  }
}

async function loadProviders() {
  const list = $('providers');
  try {
    const { providers } = await api('GET', '/auth/providers');
    list.replaceChildren();
    for (const name of providers) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/auth/${encodeURIComponent(name)}/authorize`;
      link.id = `login-${name}`;
      link.textContent = `Log in with ${name}`;
      item.append(link);
      list.append(item);
    }
    if (providers.length === 0) list.innerHTML = '<li class="muted">no provider enabled (try AUTH_DEV_LOGIN=true)</li>';
  } catch (e) {
    showError(e.code);
  }
}

// GET /api/users/me: an expired access cookie is renewed silently by the service (both cookies set
// again) as long as the refresh cookie is valid, so this keeps working across the access token's expiry.
async function loadUser() {
  try {
    showUser(await api('GET', '/api/users/me'));
    showError(null);
  } catch (e) {
    showUser(null);
    // no token is the normal logged-out state, not an error worth showing
    showError(e.code === 'token_missing' ? null : e.code);
  }
}

async function refresh() {
  try {
    const pair = await api('POST', '/auth/refresh');
    showExpiry(pair && pair.access);
    showError(null);
    await loadUser();
  } catch (e) {
    showError(e.code);
  }
}

async function logout(scope) {
  try {
    await api('POST', `/auth/logout?scope=${scope}`);
    showError(null);
    if (scope !== 'others') $('access-expiry').textContent = 'unknown';
    await loadUser();
  } catch (e) {
    showError(e.code);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('me').addEventListener('click', loadUser);
  $('refresh').addEventListener('click', refresh);
  for (const scope of ['local', 'others', 'global']) {
    $(`logout-${scope}`).addEventListener('click', () => logout(scope));
  }
  // a failed login comes back to AUTH_LOGIN_REDIRECT_URL with ?error=<code>
  const failed = new URLSearchParams(window.location.search).get('error');
  loadProviders();
  loadUser().then(() => { if (failed) showError(failed); });
});
