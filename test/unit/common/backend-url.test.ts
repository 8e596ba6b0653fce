import { describe, expect, test } from 'vitest';
import { parseBackendUrl } from '../../../common/backend-url';

describe('parseBackendUrl', () => {
  test.each([
    ['https://calls.example.com', 'https://calls.example.com'],
    ['  https://Calls.Example.com/  ', 'https://calls.example.com'],
    ['https://calls.example.com:8443/switchboard/', 'https://calls.example.com:8443/switchboard'],
    ['https://calls.example.com:443', 'https://calls.example.com'],
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['http://127.8.9.10:1', 'http://127.8.9.10:1'],
    ['http://[::1]:8787', 'http://[::1]:8787'],
  ])('accepts %s as %s', (input, expected) => {
    expect(parseBackendUrl(input)).toMatchObject({ ok: true, url: expected });
  });

  test.each([
    ['', { code: 'empty' }],
    ['   ', { code: 'empty' }],
    ['calls.example.com', { code: 'not-a-url', input: 'calls.example.com' }],
    ['  calls example  ', { code: 'not-a-url', input: 'calls example' }],
    ['ftp://calls.example.com', { code: 'not-https', protocol: 'ftp:' }],
    ['http://calls.example.com', { code: 'http-not-loopback', address: 'calls.example.com' }],
    ['http://calls.example.com/', { code: 'http-not-loopback', address: 'calls.example.com' }],
    ['http://192.168.1.10:8787/switchboard', { code: 'http-not-loopback', address: '192.168.1.10:8787/switchboard' }],
    ['http://localhost.evil.com', { code: 'http-not-loopback', address: 'localhost.evil.com' }],
    ['https://alice:secret@calls.example.com', { code: 'credentials' }],
    ['https://alice@calls.example.com', { code: 'credentials' }],
    ['https://calls.example.com/?next=x', { code: 'query-or-hash' }],
    ['https://calls.example.com/#x', { code: 'query-or-hash' }],
  ])('rejects %j as %o', (input, problem) => {
    expect(parseBackendUrl(input)).toEqual({ ok: false, problem });
  });

  test('the scheme is checked before the user name and the query', () => {
    expect(parseBackendUrl('http://localhost:8787/?x=1')).toEqual({ ok: false, problem: { code: 'query-or-hash' } });
    expect(parseBackendUrl('http://bob:pw@evil.example.com')).toEqual({
      ok: false,
      problem: { code: 'http-not-loopback', address: 'evil.example.com' },
    });
  });

  test('a rejection never echoes a password back', () => {
    const result = parseBackendUrl('https://alice:hunter2@calls.example.com');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
