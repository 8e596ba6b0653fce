/**
 * The strings floor (renderer/strings) is below the calling layer and imports nothing from it, so
 * the check that it has words for every problem and state the calling layer defines lives here,
 * on the floor above: a new state without words stops compiling on this file.
 */
import type { callTargetStrings, inCallStrings, preJoinSettingsStrings, preJoinStrings } from '../strings';
import type { CallTargetProblem } from './call-target';
import type { CallStatus, Participant, PreJoinKind } from './model';

type HasWordsFor<Words, Key extends PropertyKey> = [Key] extends [keyof Words] ? true : false;

const problemsHaveWords: HasWordsFor<typeof callTargetStrings.problems, CallTargetProblem> = true;
const statusesHaveWords: HasWordsFor<typeof inCallStrings.status, CallStatus> = true;
const participantStatesHaveWords: HasWordsFor<typeof inCallStrings.participantState, Participant['state']> = true;
const preJoinKindsHaveWords: HasWordsFor<typeof preJoinStrings.intro, PreJoinKind> &
  HasWordsFor<typeof preJoinStrings.dontShowAgain, PreJoinKind> &
  HasWordsFor<typeof preJoinSettingsStrings.shown, PreJoinKind> = true;
void [problemsHaveWords, statusesHaveWords, participantStatesHaveWords, preJoinKindsHaveWords];
