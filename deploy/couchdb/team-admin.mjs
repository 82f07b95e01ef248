#!/usr/bin/env node
// Server accounts of a Stapwijzer team on CouchDB (or pouchdb-server): one database per team, one
// server account per member, membership in the database's `_security` object. Only the practice's
// CouchDB admin runs this. The server holds envelopes only; the team key never passes through here.
//   COUCHDB_URL=https://couch.example.nl COUCHDB_ADMIN=admin:••• node deploy/couchdb/team-admin.mjs create-team team_praktijk
//   … add-member team_praktijk jdevries '<password>'      (creates the _users account if needed)
//   … remove-member team_praktijk jdevries                (revokes access: _security, then deletes the _users account)
//   … remove-member team_praktijk jdevries --keep-account (only _security: the account stays for other teams)
// After remove-member, a colleague removes the member in the app (Instellingen → Werken als team →
// Leden), which makes a new team-key generation for the remaining members.

function authHeader(admin) {
  return `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}`;
}

async function call(url, admin, method, path, body) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { Authorization: authHeader(admin), 'Content-Type': 'application/json', Accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

function must(result, what, okStatuses = [200, 201, 202]) {
  if (!okStatuses.includes(result.status)) throw new Error(`${what}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

/** pouchdb-server only: the first admin (CouchDB sets its admin in local.ini at install). */
export async function configureAdmin(url, admin) {
  const res = await fetch(`${url}/_config/admins/${encodeURIComponent(admin.name)}`, {
    method: 'PUT',
    body: JSON.stringify(admin.password),
  });
  if (!res.ok && res.status !== 401) throw new Error(`admin: HTTP ${res.status}`);
}

/** The team database, closed to everyone but its members (an empty members list would leave it public). */
export async function createTeam(url, admin, database, members = []) {
  must(await call(url, admin, 'PUT', `/${encodeURIComponent(database)}`), `create ${database}`, [201, 202, 412]);
  must(
    await call(url, admin, 'PUT', `/${encodeURIComponent(database)}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: members, roles: ['_admin'] },
    }),
    'security',
  );
}

export async function addMember(url, admin, database, name, password) {
  const id = `org.couchdb.user:${name}`;
  const existing = await call(url, admin, 'GET', `/_users/${encodeURIComponent(id)}`);
  if (existing.status === 404) {
    must(await call(url, admin, 'PUT', `/_users/${encodeURIComponent(id)}`, { name, password, roles: [], type: 'user' }), 'user');
  }
  const sec = must(await call(url, admin, 'GET', `/${encodeURIComponent(database)}/_security`), 'read security');
  const names = new Set(sec?.members?.names ?? []);
  names.add(name);
  must(
    await call(url, admin, 'PUT', `/${encodeURIComponent(database)}/_security`, {
      admins: sec?.admins ?? { names: [], roles: [] },
      members: { names: [...names], roles: sec?.members?.roles ?? ['_admin'] },
    }),
    'write security',
  );
}

/**
 * Revokes a member: off the database's `_security` first (the account is refused at once), then,
 * unless `keepAccount`, the `_users` account itself is deleted, so its password and any session
 * cookie stop working everywhere on this server.
 */
export async function removeMember(url, admin, database, name, { keepAccount = false } = {}) {
  const sec = must(await call(url, admin, 'GET', `/${encodeURIComponent(database)}/_security`), 'read security');
  const names = (sec?.members?.names ?? []).filter((n) => n !== name);
  must(
    await call(url, admin, 'PUT', `/${encodeURIComponent(database)}/_security`, {
      admins: sec?.admins ?? { names: [], roles: [] },
      members: { names, roles: sec?.members?.roles ?? ['_admin'] },
    }),
    'write security',
  );
  if (keepAccount) return;
  const id = `org.couchdb.user:${name}`;
  const user = await call(url, admin, 'GET', `/_users/${encodeURIComponent(id)}`);
  if (user.status === 404) return;
  const rev = must(user, 'read user')._rev;
  must(await call(url, admin, 'DELETE', `/_users/${encodeURIComponent(id)}?rev=${encodeURIComponent(rev)}`), 'delete user');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const flags = process.argv.slice(2).filter((a) => a.startsWith('--'));
  const [command, database, name, password] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const url = process.env.COUCHDB_URL ?? 'http://127.0.0.1:5984';
  const [adminName, ...rest] = (process.env.COUCHDB_ADMIN ?? '').split(':');
  const admin = { name: adminName ?? '', password: rest.join(':') };
  const commands = {
    'create-team': () => createTeam(url, admin, database),
    'add-member': () => addMember(url, admin, database, name, password),
    'remove-member': () => removeMember(url, admin, database, name, { keepAccount: flags.includes('--keep-account') }),
  };
  const run = commands[command];
  if (!run || !database || !admin.name) {
    console.error('usage: COUCHDB_URL=… COUCHDB_ADMIN=name:password team-admin.mjs create-team|add-member|remove-member <database> [name] [password] [--keep-account]');
    process.exit(2);
  }
  await run();
  console.log('ok');
}
