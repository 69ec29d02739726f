/** The renderer's CSP meta tag is exactly the policy the main process sends as a header. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security';

const root = join(__dirname, '..', '..');

function metaPolicy(html: string): string | null {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return match ? match[1]! : null;
}

describe('content security policy', () => {
  it('renderer/index.html carries the same policy as electron/main/security.ts', () => {
    const html = readFileSync(join(root, 'renderer', 'index.html'), 'utf8');
    expect(metaPolicy(html)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('the built page keeps it, and has no inline script or style', () => {
    const built = join(root, 'out', 'renderer', 'index.html');
    if (!existsSync(built)) return; // e2e tests fail loudly when the build is missing
    const html = readFileSync(built, 'utf8');
    expect(metaPolicy(html)).toBe(CONTENT_SECURITY_POLICY);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\sstyle="/i);
  });
});
