// The CSP is delivered twice (header from the server, <meta> in the cached index.html for offline);
// this keeps the two in step and strict.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEPLOY_FILES } from '../../scripts/deploy-configs.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../scripts/security-headers.ts';

const directives = (policy: string) =>
  policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean);

describe('Content-Security-Policy', () => {
  it("is strict: no inline or eval script (only 'wasm-unsafe-eval' for Argon2id), no plugins, no base tag, no framing", () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('index.html carries the same policy as a meta tag, minus frame-ancestors (which meta cannot deliver)', () => {
    const html = readFileSync('index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const expected = directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'));
    expect(directives(meta)).toEqual(expected);
  });

  it('deploy/ (nginx, Caddy) is generated from the same headers module and up to date (run scripts/deploy-configs.ts)', () => {
    for (const [path, render] of Object.entries(DEPLOY_FILES)) {
      expect(readFileSync(path, 'utf8'), path).toBe(render());
      expect(render()).toContain(CONTENT_SECURITY_POLICY);
    }
  });
});

describe('Permissions-Policy', () => {
  it('allows the camera to the app’s own origin only (scanning a colleague’s device code); microphone and location stay off', () => {
    expect(SECURITY_HEADERS['Permissions-Policy']).toBe('camera=(self), microphone=(), geolocation=()');
  });
});
