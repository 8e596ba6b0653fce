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
    ['', /Enter the address/],
    ['calls.example.com', /not a web address.*https:\/\//],
    ['ftp://calls.example.com', /must start with https:\/\//],
    ['http://calls.example.com', /Plain http:\/\/ is only allowed.*https:\/\/calls\.example\.com/],
    ['http://192.168.1.10:8787', /only allowed for a backend on this computer/],
    ['http://localhost.evil.com', /only allowed/],
    ['https://alice:secret@calls.example.com', /Remove the user name and password/],
    ['https://calls.example.com/?next=x', /Remove the "\?…"/],
    ['https://calls.example.com/#x', /Remove the "\?…"/],
  ])('rejects %j with an actionable reason', (input, reason) => {
    const result = parseBackendUrl(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  test('a rejection never echoes a password back', () => {
    const result = parseBackendUrl('https://alice:hunter2@calls.example.com');
    expect(JSON.stringify(result)).not.toContain('hunter2');
  });
});
