import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type CallLinkOptions,
  findCallLinkArgument,
  MAX_CALL_LINK_LENGTH,
  parseCallLink,
} from '../../../../../electron/main/desktop/call-link';

const ownSchemeOnly: CallLinkOptions = { enabledSchemes: new Set() };
const allSchemes: CallLinkOptions = { enabledSchemes: new Set(['tel', 'callto']) };

describe('switchboard://call links', () => {
  test.each([
    ['switchboard://call?to=8%3Aacs%3Aresource_user-0001', '8:acs:resource_user-0001'],
    ['switchboard://call?to=%2B14255550100', '+14255550100'],
    ['switchboard://call/?to=%2B1%20425%20555%200100', '+1 425 555 0100'],
    ['SWITCHBOARD://CALL?to=29228d3e-040e-4656-a70e-890ab4e173e5', '29228d3e-040e-4656-a70e-890ab4e173e5'],
    [
      'switchboard://call?to=https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2Fabc',
      'https://teams.microsoft.com/l/meetup-join/abc',
    ],
  ])('%s → %s', (raw, target) => {
    expect(parseCallLink(raw, ownSchemeOnly)).toEqual({ ok: true, link: { source: 'switchboard', target } });
  });

  test.each([
    ['', 'empty'],
    ['switchboard://evil?to=%2B14255550100', 'only switchboard://call'],
    ['switchboard://call', 'exactly one target'],
    ['switchboard://call?to=', 'names no target'],
    ['switchboard://call?to=a&to=b', 'exactly one target'],
    ['switchboard://call?to=%2B1425&video=1', 'unexpected parameters (video)'],
    ['switchboard://call?to=%2B1425#frag', 'unexpected fragment'],
    ['switchboard://call/other?to=%2B1425', 'unexpected path'],
    ['switchboard://user:pw@call?to=%2B1425', 'user name, password or port'],
    ['switchboard://call:8080?to=%2B1425', 'user name, password or port'],
    ['switchboard://call?to=javascript%3Aalert(1)', 'not something Switchboard can call'],
    ['switchboard://call?to=file%3A%2F%2F%2Fetc%2Fpasswd', 'not something Switchboard can call'],
    ['switchboard://call?to=data%3Atext%2Fhtml%2C%3Cscript%3E', 'not something Switchboard can call'],
    // Right-to-left override: "+1 555 0100" displayed, something else dialed.
    ['switchboard://call?to=%2B1%E2%80%AE0010555', 'control or invisible characters'],
    ['switchboard://call?to=%2B1425%00', 'control or invisible characters'],
    ['switchboard://call?to=%2B1425\u200b5550100', 'control or invisible characters'],
    ['switchboard://call?to=%2B1425%0A5550100', 'control or invisible characters'],
    ['switchboard://call?to=%E0%A4%A', 'not correctly encoded'],
    [`switchboard://call?to=${'1'.repeat(600)}`, 'longer than 512'],
    [`switchboard://call?to=${'1'.repeat(MAX_CALL_LINK_LENGTH)}`, `longer than ${MAX_CALL_LINK_LENGTH}`],
    ['https://call?to=%2B14255550100', 'does not handle https: links'],
    ['javascript:alert(1)', 'does not handle javascript: links'],
    ['call?to=1', 'no scheme'],
  ])('refuses %j (%s)', (raw, reason) => {
    const result = parseCallLink(raw, ownSchemeOnly);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  test('malformed percent-encoding in the target is refused, not thrown', () => {
    const result = parseCallLink('switchboard://call?to=%E0%A4%A', ownSchemeOnly);
    expect(result.ok).toBe(false);
  });

  test('any string at all: never throws, and an accepted target never holds a control or bidi character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parseCallLink(`switchboard://call?to=${encodeURIComponent(text)}`, allSchemes);
        if (result.ok) {
          expect(result.link.target).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
          expect(result.link.target.length).toBeGreaterThan(0);
        }
        const raw = parseCallLink(text, allSchemes);
        expect(typeof raw.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('tel: and callto: links (opt-in)', () => {
  test('refused until the user enables them', () => {
    expect(parseCallLink('tel:+14255550100', ownSchemeOnly)).toEqual({
      ok: false,
      reason: "tel: links are not enabled in Switchboard's settings",
    });
    expect(parseCallLink('callto:+14255550100', ownSchemeOnly).ok).toBe(false);
  });

  test.each([
    ['tel:+14255550100', 'tel', '+14255550100'],
    ['tel:+1-425-555-0100', 'tel', '+1-425-555-0100'],
    ['TEL:+44%2020%207946%200000', 'tel', '+44 20 7946 0000'],
    ['callto:+14255550100', 'callto', '+14255550100'],
    ['callto://+14255550100', 'callto', '+14255550100'],
    ['callto:8:acs:resource_user-0001', 'callto', '8:acs:resource_user-0001'],
  ])('%s', (raw, source, target) => {
    expect(parseCallLink(raw, allSchemes)).toEqual({ ok: true, link: { source, target } });
  });

  test.each([
    ['tel:5550100', 'not an international number'],
    ['tel:+1425;ext=22', 'parameters'],
    ['tel:+14255550100;phone-context=example.com', 'parameters'],
    ['tel:+1abc', 'not an international number'],
    ['tel:%E0%A4%A', 'not correctly encoded'],
    ['callto:', 'names no target'],
    ['callto:javascript:alert(1)', 'not something Switchboard can call'],
  ])('refuses %j', (raw, reason) => {
    const result = parseCallLink(raw, allSchemes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('finding the link among process arguments', () => {
  test('picks the argument that starts with a handled scheme, never a switch or the app path', () => {
    const argv = ['/opt/Switchboard/switchboard', '--allow-file-access-from-files', 'switchboard://call?to=1', 'x'];
    expect(findCallLinkArgument(argv, ownSchemeOnly)).toBe('switchboard://call?to=1');
    expect(findCallLinkArgument(['--switchboard://call?to=1'], ownSchemeOnly)).toBeNull();
    expect(findCallLinkArgument(['.', 'tel:+14255550100'], ownSchemeOnly)).toBeNull();
    expect(findCallLinkArgument(['.', 'tel:+14255550100'], allSchemes)).toBe('tel:+14255550100');
  });
});
