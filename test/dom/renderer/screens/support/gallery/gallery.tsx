/**
 * Test-only page: one call screen in a chosen state, driven by the in-memory FakeCallingStore,
 * for screenshots and real-keyboard checks in Chromium (test/e2e/screenshots.test.ts builds it
 * with Vite). The incoming and in-call screens need a call, which needs Azure; here the state
 * is set directly. `?scene=<name>` picks the state, `&theme=dark` the dark theme, `&lang=nl` Dutch.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { JSX } from 'react';
import { createRoot } from 'react-dom/client';
import type { SessionState } from '../../../../../../common/ipc';
import { ServicesProvider } from '../../../../../../renderer/app/App';
import type { ShownReaction } from '../../../../../../renderer/calling/model';
import { loadPhoneNumbers } from '../../../../../../renderer/calling/phone-numbers-loader';
import { DeviceSetup } from '../../../../../../renderer/screens/devices/DeviceSetup';
import { DialerScreen } from '../../../../../../renderer/screens/dialer/DialerScreen';
import { InCallScreen } from '../../../../../../renderer/screens/in-call/InCallScreen';
import { IncomingCallScreen } from '../../../../../../renderer/screens/incoming/IncomingCallScreen';
import { PreJoinScreen } from '../../../../../../renderer/screens/pre-join/PreJoinScreen';
import { SettingsScreen } from '../../../../../../renderer/screens/settings/SettingsScreen';
import { SoundSettings } from '../../../../../../renderer/screens/settings/SoundSettings';
import { SignInScreen } from '../../../../../../renderer/screens/sign-in/SignInScreen';
import { agentStrings, captionStrings, transferStrings } from '../../../../../../renderer/strings';
import { startI18n } from '../../../../../../renderer/strings/i18n';
import { loadLanguage } from '../../../../../../renderer/strings/load-language';
import { DIRECTORY_PEOPLE } from '../directory-people';
import { installFakeBridge, servicesFor } from '../fake-bridge';
import {
  callView,
  captionsView,
  FakeCallingStore,
  incomingCall,
  MY_ID,
  participant,
  remoteVideo,
  transferView,
} from '../fake-calling-store';

const PALETTE = ['#5b5fc7', '#0f6cbd', '#107c10', '#c239b3', '#ca5010', '#038387', '#8764b8', '#986f0b', '#4f6bed'];

/** A stand-in for a remote camera: a painted canvas, so the tiles look like video in screenshots. */
function paintRemote(key: string, container: HTMLElement): void {
  const canvas = document.createElement('canvas');
  canvas.width = 640;
  canvas.height = 360;
  canvas.style.cssText = 'width:100%;height:100%;object-fit:cover;display:block';
  const g = canvas.getContext('2d');
  if (g) {
    const colour = PALETTE[[...key].reduce((sum, c) => sum + c.charCodeAt(0), 0) % PALETTE.length] ?? '#5b5fc7';
    const gradient = g.createLinearGradient(0, 0, 640, 360);
    gradient.addColorStop(0, colour);
    gradient.addColorStop(1, '#1b1a19');
    g.fillStyle = gradient;
    g.fillRect(0, 0, 640, 360);
    g.fillStyle = 'rgba(255,255,255,0.18)';
    g.beginPath();
    g.arc(320, 170, 70, 0, Math.PI * 2);
    g.fill();
    g.fillRect(210, 250, 220, 110);
  }
  container.replaceChildren(canvas);
}

/** The local preview from the (fake) camera, as the real layer renders it: a playing <video>. */
function renderCamera(container: HTMLElement): void {
  const video = document.createElement('video');
  video.autoplay = true;
  video.muted = true;
  video.playsInline = true;
  container.replaceChildren(video);
  navigator.mediaDevices
    .getUserMedia({ video: { width: 640, height: 360 } })
    .then((stream) => {
      video.srcObject = stream;
    })
    .catch(() => {});
}

const people = (n: number) =>
  [
    'Adele Vance',
    'Lee Gu',
    'Megan Bowen',
    'Nestor Wilke',
    'Alex Wilber',
    'Diego Siciliani',
    'Isaiah Langer',
    'Johanna Lorenz',
    'Lynne Robbins',
  ].slice(0, n);

function scene(name: string): { store: FakeCallingStore; screen: JSX.Element } {
  const store = new FakeCallingStore();
  store.renderRemote = paintRemote;
  store.renderPreview = renderCamera;
  const minutesAgo = (m: number) => Date.now() - m * 60_000 - 17_000;
  switch (name) {
    case 'incoming':
      store.setState({ incoming: [incomingCall()] });
      return { store, screen: <IncomingCallScreen /> };
    case 'incoming-during-call':
      store.setState({ call: callView({ connectedAt: minutesAgo(3) }), incoming: [incomingCall()] });
      return { store, screen: <IncomingCallScreen /> };
    case 'in-call-audio':
      store.setState({
        call: callView({
          connectedAt: minutesAgo(4),
          participants: [participant('adele', 'Adele Vance', { isSpeaking: true })],
        }),
      });
      return { store, screen: <InCallScreen /> };
    case 'in-call-connecting':
      store.setState({ call: callView({ status: 'ringing', connectedAt: null, participants: [] }) });
      return { store, screen: <InCallScreen /> };
    case 'in-call-grid': {
      const n = 4;
      const ps = people(n).map((name, i) =>
        participant(`p${i}`, name, { isMuted: i === 2, isSpeaking: i === 1, isHandRaised: i === 3 }),
      );
      store.setState({
        call: callView({
          title: 'Design review',
          target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
          connectedAt: minutesAgo(12),
          isCameraOn: true,
          participants: ps,
          remoteVideos: ps.slice(0, 3).map((p) => remoteVideo(p.id)),
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'in-call-nine': {
      const ps = people(9).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 4 }));
      store.setState({
        call: callView({
          title: 'All hands',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(31),
          participants: ps,
          remoteVideos: ps.map((p) => remoteVideo(p.id)),
          diagnostics: [
            { id: 'n', area: 'network', message: 'Your network is struggling: others may sound choppy or freeze.' },
          ],
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'in-call-crowded': {
      const ps = people(9)
        .concat(people(5).map((name) => `${name} (guest)`))
        .map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 2 }));
      store.setState({
        call: callView({ title: 'All hands', connectedAt: minutesAgo(44), participants: ps }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'in-call-phone':
      store.setState({
        call: callView({
          title: '+1 425 555 0100',
          target: { kind: 'phone', e164: '+14255550100' },
          connectedAt: minutesAgo(1),
          isMuted: true,
          participants: [participant('pstn', '+1 425 555 0100')],
        }),
      });
      return { store, screen: <InCallScreen /> };
    case 'in-call-unreachable':
      store.setState({
        agent: 'unreachable',
        call: callView({ status: 'reconnecting', connectedAt: minutesAgo(2) }),
      });
      return { store, screen: <InCallScreen /> };
    case 'in-call-second-incoming':
      store.setState({ call: callView({ connectedAt: minutesAgo(6) }), incoming: [incomingCall()] });
      return { store, screen: <InCallScreen /> };
    case 'in-call-ended':
      store.setState({
        call: callView({
          status: 'ended',
          connectedAt: minutesAgo(7),
          endReason: { code: 0, subCode: 0, message: 'The other side ended the call.' },
        }),
      });
      return { store, screen: <InCallScreen /> };
    case 'in-call-sharing': {
      const ps = people(3).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 0 }));
      store.setState({
        call: callView({
          title: 'Design review',
          target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
          connectedAt: minutesAgo(5),
          isScreenSharing: true,
          isMuted: true,
          participants: ps,
          remoteVideos: ps.slice(0, 2).map((p) => remoteVideo(p.id)),
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'in-call-screen-share': {
      const ps = people(12).map((name, i) => participant(`p${i}`, name));
      store.setState({
        call: callView({
          title: 'All hands',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(9),
          isCameraOn: true,
          participants: ps,
          remoteVideos: [remoteVideo('p0', 'screen-share'), ...ps.slice(0, 4).map((p) => remoteVideo(p.id))],
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    // Issue 14's calling features.
    case 'in-call-recording': {
      const ps = people(2).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 0 }));
      store.setState({
        call: callView({
          title: 'Quarterly review',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(9),
          participants: ps,
          remoteVideos: ps.map((p) => remoteVideo(p.id)),
          compliance: { recording: true, transcribing: true },
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'in-call-captions': {
      const ps = people(3).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 1 }));
      store.setState({
        call: callView({
          title: 'Design review',
          target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
          connectedAt: minutesAgo(14),
          participants: ps,
          remoteVideos: ps.map((p) => remoteVideo(p.id)),
          captions: captionsView({
            status: 'on',
            spokenLanguage: 'en-us',
            lines: [
              {
                id: 'c1',
                speaker: 'Adele Vance',
                text: 'Shall we go through the new call screen first?',
                isFinal: true,
              },
              { id: 'c2', speaker: 'You', text: 'Yes, the captions pane is new since last week.', isFinal: true },
              { id: 'c3', speaker: 'Lee Gu', text: 'It looks good on my side, the names come through', isFinal: false },
            ],
          }),
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    // Issue 14, meetings: a host's controls (people pane menus, end for everyone).
    case 'in-call-host': {
      const ps = people(4).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 1, isMuted: i === 3 }));
      store.setState({
        call: callView({
          title: 'Weekly sync',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(12),
          participants: ps,
          remoteVideos: ps.slice(0, 2).map((p) => remoteVideo(p.id)),
          host: { endForEveryone: true, muteOthers: true, removeParticipants: true, manageLobby: true },
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'in-call-captions-unavailable':
      store.setState({
        call: callView({
          title: '+1 425 555 0100',
          target: { kind: 'phone', e164: '+14255550100' },
          connectedAt: minutesAgo(2),
          participants: [participant('pstn', '+1 425 555 0100')],
          captions: captionsView({
            status: 'unavailable',
            supportedLanguages: [],
            problem: captionStrings.unavailable,
          }),
        }),
      });
      return { store, screen: <InCallScreen /> };
    case 'in-call-lobby': {
      const ps = people(3).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 0 }));
      store.setState({
        call: callView({
          title: 'Weekly sync',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(3),
          participants: ps,
          remoteVideos: ps.slice(0, 2).map((p) => remoteVideo(p.id)),
          host: { endForEveryone: true, muteOthers: true, removeParticipants: true, manageLobby: true },
          lobby: [
            { id: '8:acs:alex', displayName: 'Alex Wilber' },
            { id: '8:acs:diego', displayName: 'Diego Siciliani' },
          ],
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'in-call-network': {
      const ps = people(2).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 0 }));
      store.setState({
        call: callView({
          title: 'Design review',
          target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
          connectedAt: minutesAgo(6),
          participants: ps,
          remoteVideos: ps.map((p) => remoteVideo(p.id)),
          network: {
            level: 'fair',
            packetLossPercent: 4.2,
            jitterMs: 18,
            roundTripMs: 210,
            sendKbps: 1240,
            receiveKbps: 1830,
          },
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    // Issue 14, reactions: badges on the senders' tiles and on my self-view.
    case 'reaction-received': {
      const ps = people(4).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 2 }));
      const shown = (participantId: string, senderName: string, reaction: ShownReaction['reaction']) => ({
        id: `r-${participantId}`,
        participantId,
        senderName,
        fromMe: participantId === MY_ID,
        reaction,
      });
      store.setState({
        call: callView({
          title: 'Design review',
          target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
          connectedAt: minutesAgo(8),
          isCameraOn: true,
          participants: ps,
          remoteVideos: ps.slice(0, 3).map((p) => remoteVideo(p.id)),
          reactions: {
            offered: true,
            allowed: true,
            shown: [
              shown('p0', 'Adele Vance', 'applause'),
              shown('p3', 'Nestor Wilke', 'heart'),
              shown(MY_ID, 'You', 'like'),
            ],
          },
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'reaction-turned-off':
      store.setState({
        call: callView({
          title: 'All hands',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(5),
          participants: people(3).map((name, i) => participant(`p${i}`, name)),
          reactions: { offered: true, allowed: false, shown: [] },
        }),
      });
      return { store, screen: <InCallScreen /> };
    // Issue 14, spotlight: two people spotlighted share the large area; an organiser's people pane.
    case 'spotlight-organiser': {
      const ps = people(6).map((name, i) => participant(`p${i}`, name, { isSpeaking: i === 4 }));
      store.setState({
        call: callView({
          title: 'Quarterly review',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(21),
          participants: ps,
          remoteVideos: ps.slice(0, 4).map((p) => remoteVideo(p.id)),
          host: { endForEveryone: true, muteOthers: true, removeParticipants: true, manageLobby: true },
          spotlight: { spotlightedIds: ['p1', 'p3'], max: 7, canSpotlight: true, canRemove: true },
        }),
      });
      return { store, screen: <InCallScreen /> };
    }
    case 'spotlight-me':
      store.setState({
        call: callView({
          title: 'Quarterly review',
          target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
          connectedAt: minutesAgo(21),
          participants: people(3).map((name, i) => participant(`p${i}`, name)),
          spotlight: { spotlightedIds: [MY_ID], max: 7, canSpotlight: false, canRemove: false },
        }),
      });
      return { store, screen: <InCallScreen /> };
    case 'in-call-held':
      store.setState({
        call: callView({ id: 'call-2', title: 'Lee Gu', connectedAt: minutesAgo(1) }),
        held: [{ id: 'call-1', title: 'Adele Vance', status: 'on-hold' }],
      });
      return { store, screen: <InCallScreen /> };
    case 'in-call-failed':
      store.setState({
        call: callView({
          status: 'ended',
          connectedAt: null,
          participants: [],
          endReason: { code: 480, subCode: 0, message: 'Adele Vance is not available right now.' },
        }),
      });
      return { store, screen: <InCallScreen /> };
    case 'incoming-verified':
      // The caller chose a grander name; the directory (`&directory=org`) knows who they are.
      store.setState({ incoming: [incomingCall({ callerDisplayName: 'The CEO' })] });
      return { store, screen: <IncomingCallScreen /> };
    case 'incoming-several':
      store.setState({
        incoming: [
          incomingCall({ callerId: '4:+14255550123', callerDisplayName: 'Megan Bowen' }),
          incomingCall({ id: 'incoming-2', callerDisplayName: 'Lee Gu' }),
        ],
      });
      return { store, screen: <IncomingCallScreen /> };
    case 'devices-effects':
      store.setState({
        effects: {
          video: 'blur',
          noiseSuppression: true,
          support: { blur: 'supported', replacement: 'unknown', deepNoiseSuppression: 'supported' },
          problem: null,
        },
      });
      return { store, screen: <DeviceSetup /> };
    case 'devices-effects-unsupported':
      store.setState({
        effects: {
          video: 'blur',
          noiseSuppression: true,
          support: { blur: 'unsupported', replacement: 'unknown', deepNoiseSuppression: 'unsupported' },
          problem:
            'Background blur is not available on this computer. Azure Communication Services offers it on Windows and macOS, with a graphics processor it can use.',
        },
      });
      return { store, screen: <DeviceSetup /> };
    case 'settings-sounds':
      return {
        store,
        screen: (
          <div style={{ maxWidth: 720, margin: '24px auto' }} data-testid="settings-sounds">
            <SoundSettings />
          </div>
        ),
      };
    case 'pre-join-video':
    case 'pre-join-meeting': {
      const video = name === 'pre-join-video';
      store.setState({
        preJoin: video
          ? {
              kind: 'video-call',
              target: { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele' },
              title: 'Adele Vance',
              video: true,
            }
          : {
              kind: 'meeting',
              target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
              title: 'Weekly sync',
              video: true,
            },
      });
      // As the frame lays it out (FluentScreens: the screen area's padding, a page's width); the
      // frame's header and status line above it are the test's to allow for.
      return {
        store,
        screen: (
          <div style={{ padding: 16, maxWidth: 1080, marginInline: 'auto', boxSizing: 'border-box' }}>
            <PreJoinScreen />
          </div>
        ),
      };
    }
    case 'dialer':
      return { store, screen: <DialerScreen /> };
    case 'dialer-connecting':
      store.setState({ agent: 'connecting' });
      return { store, screen: <DialerScreen /> };
    case 'dialer-unreachable':
      store.setState({ agent: 'unreachable', agentMessage: agentStrings.unreachable });
      return { store, screen: <DialerScreen /> };
    case 'settings-page':
      return {
        store,
        screen: (
          // Scrolls inside the window, as the app frame's content does.
          <div
            style={{ height: '100%', overflow: 'auto', padding: 24, boxSizing: 'border-box' }}
            data-testid="settings-page"
          >
            <SettingsScreen />
          </div>
        ),
      };
    case 'sign-in-locked':
      bridge.answers.config = { ...bridge.answers.config, backendUrlSource: 'administrator', backendUrlLocked: true };
      return {
        store,
        screen: (
          <div data-testid="sign-in-locked">
            <SignInScreen />
          </div>
        ),
      };
    case 'devices':
      return { store, screen: <DeviceSetup /> };
    // Issue 14, transfer: the picker (with a call on hold), a transfer under way, and the transferee's notice.
    case 'transfer-picker':
      store.setState({
        call: callView({ connectedAt: minutesAgo(6) }),
        held: [{ id: 'held-1', title: 'Megan Bowen', status: 'on-hold' }],
      });
      return { store, screen: <InCallScreen /> };
    case 'transfer-in-progress':
      store.setState({
        call: callView({
          connectedAt: minutesAgo(6),
          transfer: transferView({
            status: 'transferring',
            targetName: 'Lee Gu',
            unavailable: transferStrings.unavailable.busy,
          }),
        }),
      });
      return { store, screen: <InCallScreen /> };
    case 'transfer-arrived':
      store.setState({
        call: callView({
          title: 'Lee Gu',
          target: { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_lee' },
          participants: [participant('lee', 'Lee Gu', { isSpeaking: true })],
          connectedAt: Date.now() - 4_000,
          transfer: transferView({
            transferredFrom: {
              id: 'call-0',
              direction: 'incoming',
              title: 'Adele Vance',
              target: { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele' },
              others: [],
              connectedAt: Date.now() - 60_000,
              video: false,
              endedAt: Date.now() - 4_000,
            },
          }),
        }),
      });
      return { store, screen: <InCallScreen /> };
    default:
      throw new Error(`unknown scene ${name}`);
  }
}

const params = new URLSearchParams(location.search);
// As main.tsx does: the language's words first (its own chunk), then anything that reads them.
const language = params.get('lang') === 'nl' ? 'nl' : 'en';
startI18n(language, await loadLanguage(language));
document.documentElement.lang = language;
const gallerySession: SessionState = {
  status: 'signed-in',
  user: { communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_0000001a-ada', displayName: 'Ada Lovelace' },
  backendUrl: 'https://calls.example.com',
  remembered: true,
  offlineDevelopment: false,
};
const now = Date.now();
// `&directory=org`: main offers the company directory; `&directory=open`: open sign-in, none.
const directoryParam = params.get('directory');
const { bridge } = installFakeBridge({
  callerId: params.get('callerId') === 'none' ? null : '+14255550123',
  ...(directoryParam
    ? {
        directory: {
          people: DIRECTORY_PEOPLE,
          availability: directoryParam === 'open' ? { available: false, reason: 'open-sign-in' } : { available: true },
        },
      }
    : {}),
  session: params.get('scene') === 'settings-page' ? gallerySession : undefined,
  history: {
    recents: [
      {
        id: 'r1',
        target: { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele' },
        title: 'Adele Vance',
        direction: 'outgoing',
        video: true,
        startedAt: now - 35 * 60_000,
        durationSeconds: 754,
        outcome: 'completed',
      },
      {
        id: 'r-people',
        target: { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_adele' },
        others: [
          { kind: 'acs-user', communicationUserId: '8:acs:1b5cc06b-f352-4571-b1e6-d9b259b7c776_lee' },
          { kind: 'phone', e164: '+14255550123' },
        ],
        title: 'Adele Vance, Lee Gu and 1 other',
        direction: 'outgoing',
        video: false,
        startedAt: now - 80 * 60_000,
        durationSeconds: 1320,
        outcome: 'completed',
      },
      {
        id: 'r2',
        target: { kind: 'phone', e164: '+14255550100' },
        title: '+1 425 555 0100',
        direction: 'incoming',
        video: false,
        startedAt: now - 3 * 3600_000,
        durationSeconds: 0,
        outcome: 'missed',
      },
      {
        id: 'r3',
        target: { kind: 'group', groupId: '29228d3e-040e-4656-a70e-890ab4e173e5' },
        title: 'Design review',
        direction: 'outgoing',
        video: true,
        startedAt: now - 26 * 3600_000,
        durationSeconds: 2710,
        outcome: 'completed',
      },
    ],
    favourites: [
      {
        id: 'f1',
        target: { kind: 'teams-meeting', meetingLink: 'https://teams.microsoft.com/meet/28512416645934?p=Z9bM5' },
        label: 'Weekly sync',
        addedAt: now,
      },
    ],
  },
});
if (language === 'nl') {
  // Chosen in Settings, over an English system: the language section shows both.
  bridge.answers.config = { ...bridge.answers.config, language: { current: 'nl', override: 'nl', system: 'en' } };
}
const { store, screen } = scene(params.get('scene') ?? 'incoming');
const root = document.getElementById('root');
if (!root) throw new Error('no #root');
// The real store loads the phone-number rules when a caller is a number, and publishes again.
await loadPhoneNumbers();
createRoot(root).render(
  <FluentProvider theme={params.get('theme') === 'dark' ? webDarkTheme : webLightTheme} style={{ height: '100%' }}>
    <ServicesProvider services={servicesFor(bridge, store)}>{screen}</ServicesProvider>
  </FluentProvider>,
);
// The test drives the store from Playwright (e.g. a microphone level).
(window as unknown as { galleryStore: FakeCallingStore }).galleryStore = store;
