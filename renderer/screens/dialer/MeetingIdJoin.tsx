/**
 * "Join a Teams meeting with an ID": the meeting id and passcode from an invitation, in two
 * fields, joined through a TeamsMeetingIdLocator. The call box takes the same pasted as one line
 * ("Meeting ID: … Passcode: …"); both are parsed by renderer/calling/call-target.ts.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, makeStyles, Text, tokens } from '@fluentui/react-components';
import { VideoPersonCallRegular } from '@fluentui/react-icons';
import { type FormEvent, useId, useState } from 'react';
import { parseMeetingId } from '../../calling/call-target';
import { useCallingActions, useCallingState } from '../../calling/model';
import { callTargetStrings, dialerStrings, meetingIdStrings } from '../../strings';
import { useAction } from '../shared/use-action';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  fields: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    flexWrap: 'wrap',
    '& > *': { flex: '1 1 160px' },
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  open: { alignSelf: 'flex-start' },
});

export function MeetingIdJoin() {
  const styles = useStyles();
  const actions = useCallingActions();
  const ready = useCallingState((state) => state.agent === 'connected');
  const joining = useAction();
  const [open, setOpen] = useState(false);
  const [meetingId, setMeetingId] = useState('');
  const [passcode, setPasscode] = useState('');
  const [touched, setTouched] = useState(false);
  const titleId = useId();
  const parsed = parseMeetingId(meetingId, passcode);
  const problem = touched && parsed.status === 'invalid' ? parsed.problem : null;
  const idProblem = problem === 'meeting-id-malformed' ? callTargetStrings.problems[problem] : undefined;
  const passcodeProblem = problem === 'meeting-passcode-malformed' ? callTargetStrings.problems[problem] : undefined;

  if (!open) {
    return (
      <Button
        appearance="transparent"
        className={styles.open}
        icon={<VideoPersonCallRegular />}
        onClick={() => setOpen(true)}
        data-testid="meeting-id-open"
      >
        {meetingIdStrings.open}
      </Button>
    );
  }

  const join = (video: boolean) => {
    setTouched(true);
    if (parsed.status !== 'valid') return;
    void joining.run(async () => {
      await actions.startCall(parsed.target, { video });
      setMeetingId('');
      setPasscode('');
      setTouched(false);
      setOpen(false);
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    join(false);
  };

  return (
    <form className={styles.form} aria-labelledby={titleId} onSubmit={onSubmit} data-testid="meeting-id-form">
      <Text id={titleId} weight="semibold">
        {meetingIdStrings.title}
      </Text>
      <div className={styles.fields}>
        <Field
          label={meetingIdStrings.meetingId}
          validationState={idProblem ? 'error' : 'none'}
          validationMessage={idProblem}
        >
          <Input
            value={meetingId}
            inputMode="numeric"
            autoComplete="off"
            placeholder={meetingIdStrings.meetingIdPlaceholder}
            onChange={(_, data) => setMeetingId(data.value)}
          />
        </Field>
        <Field
          label={meetingIdStrings.passcode}
          validationState={passcodeProblem ? 'error' : 'none'}
          validationMessage={passcodeProblem ?? meetingIdStrings.passcodeHint}
        >
          <Input value={passcode} autoComplete="off" onChange={(_, data) => setPasscode(data.value)} />
        </Field>
      </div>
      {joining.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{dialerStrings.callFailed(joining.error)}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="subtle" onClick={() => setOpen(false)}>
          {meetingIdStrings.cancel}
        </Button>
        <Button disabled={!ready || joining.busy} onClick={() => join(true)}>
          {meetingIdStrings.joinVideo}
        </Button>
        <Button appearance="primary" type="submit" disabled={!ready || joining.busy}>
          {meetingIdStrings.join}
        </Button>
      </div>
    </form>
  );
}
