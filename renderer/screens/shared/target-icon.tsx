import {
  CallRegular,
  GlobeRegular,
  PeopleTeamRegular,
  PersonRegular,
  VideoPersonCallRegular,
} from '@fluentui/react-icons';
import type { CallTarget } from '../../calling/model';

/** One icon per kind of target, the same in the call box, recents and favourites. */
export function TargetIcon(props: { kind: CallTarget['kind'] }) {
  switch (props.kind) {
    case 'acs-user':
      return <PersonRegular />;
    case 'phone':
      return <CallRegular />;
    case 'group':
      return <PeopleTeamRegular />;
    case 'teams-meeting':
    case 'teams-meeting-id':
      return <VideoPersonCallRegular />;
    case 'room':
      return <GlobeRegular />;
  }
}
