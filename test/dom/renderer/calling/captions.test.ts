import { defaultSpokenLanguage, MAX_CAPTION_LINES } from '../../../../renderer/calling/captions';
import { captionStrings } from '../../../../renderer/strings';
import { acsUser, type FakeCall, FakeCallingSdk, FakeRemoteParticipant } from '../../../support/fake-calling-sdk';
import { connectedHarness, type Harness, lastCall, ME } from './calling-harness';

async function inGroupCall(sdk?: FakeCallingSdk): Promise<{ h: Harness; call: FakeCall }> {
  const h = await connectedHarness(sdk ? { sdk } : {});
  await h.store.actions.startCall({ kind: 'group', groupId: '0f3c3b36-6c1b-4a8a-9f4a-2d1f4e7b9a10' }, { video: false });
  const call = lastCall(h);
  call.remoteSetState('Connected');
  call.remoteJoin(new FakeRemoteParticipant('8:acs:res_adele', 'Adele Vance'));
  return { h, call };
}

function captionsOf(call: FakeCall) {
  const feature = call.features.captions;
  if (!feature) throw new Error('the fake call has no captions feature');
  return feature.captions;
}

const captionsState = (h: Harness) => h.store.getState().call?.captions;

test('captions start in the language asked for and turn on once the service confirms', async () => {
  const { h, call } = await inGroupCall();
  const captions = captionsOf(call);
  captions.confirm = false;
  expect(captionsState(h)?.status).toBe('off');

  await h.store.actions.startCaptions('nl-nl');
  expect(captions.started).toEqual([{ spokenLanguage: 'nl-nl' }]);
  expect(captionsState(h)).toMatchObject({ status: 'starting', spokenLanguage: 'nl-nl', problem: null });

  captions.remoteSetActive(true);
  expect(captionsState(h)?.status).toBe('on');

  captions.confirm = true;
  await h.store.actions.stopCaptions();
  await vi.waitFor(() => expect(captionsState(h)?.status).toBe('off'));
});

test('captions turned off while the start is still pending are stopped once the service confirms', async () => {
  const { h, call } = await inGroupCall();
  const captions = captionsOf(call);
  captions.confirm = false;
  await h.store.actions.startCaptions('en-us');
  await h.store.actions.stopCaptions();
  expect(captionsState(h)?.status).toBe('off');
  captions.confirm = true;
  captions.remoteSetActive(true);
  await vi.waitFor(() => expect(captions.isCaptionsFeatureActive).toBe(false));
  expect(captionsState(h)?.status).toBe('off');
});

test('without a language asked for, the OS language the service supports is used', () => {
  expect(defaultSpokenLanguage('', ['en-us', 'nl-nl'], ['nl-BE', 'en'])).toBe('nl-nl');
  expect(defaultSpokenLanguage('', ['en-us', 'nl-nl'], ['NL-nl'])).toBe('nl-nl');
  expect(defaultSpokenLanguage('de-de', ['en-us', 'de-de'], ['nl-nl'])).toBe('de-de');
  expect(defaultSpokenLanguage('', ['fr-fr', 'en-us'], ['ja-jp'])).toBe('en-us');
  expect(defaultSpokenLanguage('', [], ['ja-jp'])).toBe('en-us');
});

test('a Partial line is revised in place and replaced by its Final; speakers are named, never by id', async () => {
  const { h, call } = await inGroupCall();
  await h.store.actions.startCaptions('en-us');
  await vi.waitFor(() => expect(captionsState(h)?.status).toBe('on'));
  const captions = captionsOf(call);

  captions.remoteCaption(acsUser('8:acs:res_adele'), 'Shall we', 'Partial');
  captions.remoteCaption(acsUser('8:acs:res_adele'), 'Shall we start', 'Partial');
  const partial = captionsState(h)?.lines;
  expect(partial).toEqual([{ id: expect.any(String), speaker: 'Adele Vance', text: 'Shall we start', isFinal: false }]);

  // Someone else speaks meanwhile: their own line; Adele's Final replaces her Partial, same id.
  captions.remoteCaption(acsUser(ME), 'Yes', 'Final');
  captions.remoteCaption(acsUser('8:acs:res_adele'), 'Shall we start?', 'Final');
  captions.remoteCaption(acsUser('8:acs:res_0000000000zed'), 'Hello', 'Final');
  const lines = captionsState(h)?.lines ?? [];
  expect(lines.map(({ speaker, text, isFinal }) => [speaker, text, isFinal])).toEqual([
    ['Adele Vance', 'Shall we start?', true],
    [captionStrings.you, 'Yes', true],
    ['Unnamed person (…000zed)', 'Hello', true],
  ]);
  expect(lines[0]?.id).toBe(partial?.[0]?.id);
  expect(lines.some((line) => line.speaker.includes('8:acs:'))).toBe(false);
});

test(`only the last ${MAX_CAPTION_LINES} lines are kept`, async () => {
  const { h, call } = await inGroupCall();
  await h.store.actions.startCaptions('en-us');
  const captions = captionsOf(call);
  for (let n = 1; n <= MAX_CAPTION_LINES + 20; n += 1) captions.remoteCaption(acsUser('8:acs:res_adele'), `line ${n}`);
  const lines = captionsState(h)?.lines ?? [];
  expect(lines).toHaveLength(MAX_CAPTION_LINES);
  expect(lines[0]?.text).toBe('line 21');
  expect(lines.at(-1)?.text).toBe(`line ${MAX_CAPTION_LINES + 20}`);
});

test('a refused start says in words that captions are not offered, and nothing is left pending', async () => {
  const { h, call } = await inGroupCall();
  captionsOf(call).refuse = new Error('Captions are not enabled for this resource');
  await h.store.actions.startCaptions('en-us');
  expect(captionsState(h)).toMatchObject({
    status: 'off',
    problem: captionStrings.startFailed('acs', 'Captions are not enabled for this resource'),
  });
});

test('a call the SDK offers no captions for is unavailable, in words', async () => {
  const sdk = new FakeCallingSdk(ME);
  sdk.offersCaptions = false;
  const { h } = await inGroupCall(sdk);
  expect(captionsState(h)).toMatchObject({ status: 'unavailable', problem: captionStrings.unavailable });
  await h.store.actions.startCaptions();
  expect(captionsState(h)?.status).toBe('unavailable');
});

test('the spoken language changes; a refused language says which', async () => {
  const { h, call } = await inGroupCall();
  await h.store.actions.startCaptions('en-us');
  await vi.waitFor(() => expect(captionsState(h)?.status).toBe('on'));
  await h.store.actions.setSpokenLanguage('de-de');
  expect(captionsState(h)?.spokenLanguage).toBe('de-de');
  expect(captionsState(h)?.supportedLanguages).toEqual(captionsOf(call).supportedSpokenLanguages);
  await h.store.actions.setSpokenLanguage('xx-yy');
  expect(captionsState(h)?.problem).toBe(captionStrings.languageFailed('xx-yy', 'Unsupported language xx-yy'));
  expect(captionsState(h)?.spokenLanguage).toBe('de-de');
});

test('a Teams meeting swaps in Teams captions: the new object is followed, the old one released', async () => {
  const { h, call } = await inGroupCall();
  const feature = call.features.captions;
  if (!feature) throw new Error('no captions feature');
  const acs = feature.captions;
  const teams = feature.remoteChangeKind('TeamsCaptions');
  expect(acs.listenerCount()).toBe(0);
  expect(captionsState(h)?.kind).toBe('teams');
  teams.refuse = new Error('Live captions are turned off by policy');
  await h.store.actions.startCaptions('en-us');
  expect(captionsState(h)?.problem).toBe(captionStrings.startFailed('teams', 'Live captions are turned off by policy'));
  teams.refuse = null;
  await h.store.actions.startCaptions('en-us');
  teams.remoteCaption(acsUser('8:acs:res_adele'), 'Welcome');
  await vi.waitFor(() => expect(captionsState(h)?.lines.map((l) => l.text)).toEqual(['Welcome']));
});

test('the listeners are released when the call ends', async () => {
  const { h, call } = await inGroupCall();
  const feature = call.features.captions;
  expect(feature?.listenerCount('CaptionsKindChanged')).toBe(1);
  expect(feature?.captions.listenerCount()).toBe(3);
  await h.store.actions.hangUp();
  expect(feature?.listenerCount()).toBe(0);
  expect(feature?.captions.listenerCount()).toBe(0);
});
