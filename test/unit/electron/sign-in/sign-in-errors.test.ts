import { describe, expect, test } from 'vitest';
import { browserSafe } from '../../../../electron/main/sign-in/oidc-sign-in';
import { OidcSignInError, sanitiseIdpDescription } from '../../../../electron/main/sign-in/sign-in-errors';

describe('sanitiseIdpDescription', () => {
  test.each([
    [
      'AADSTS50105: The signed in user is not assigned to a role.',
      'AADSTS50105: The signed in user is not assigned to a role.',
    ],
    ['<script>alert(1)</script> denied', 'script alert(1) /script denied'],
    ['line one\nline\ttwo\u0000', 'line one line two'],
    ['see https://evil.example.com/?code=abc for details', 'see … for details'],
    ['token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJl leaked', 'token … leaked'],
  ])('%j → %j', (input, expected) => {
    expect(sanitiseIdpDescription(input)).toBe(expected);
  });

  test('long text is cut at 200 characters; nothing printable or not a string is null', () => {
    expect(sanitiseIdpDescription('word '.repeat(100))?.length).toBe(200);
    expect(sanitiseIdpDescription('\u0000\u0001')).toBeNull();
    expect(sanitiseIdpDescription(42)).toBeNull();
  });
});

describe('browserSafe: only https (or http on loopback) goes to the system browser', () => {
  test.each(['https://login.microsoftonline.com/t/oauth2/v2.0/authorize?x=1', 'http://127.0.0.1:4000/auth'])(
    '%s is opened',
    (url) => {
      expect(browserSafe(new URL(url), 'authorization_endpoint')).toBe(url);
    },
  );
  test.each(['file:///etc/passwd', 'ms-settings:privacy', 'http://idp.example.com/auth', 'javascript:alert(1)'])(
    '%s is refused',
    (url) => {
      expect(() => browserSafe(new URL(url), 'authorization_endpoint')).toThrow(OidcSignInError);
    },
  );
});
