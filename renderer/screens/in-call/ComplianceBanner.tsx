import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles } from '@fluentui/react-components';
import { RecordRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { ComplianceNotice } from '../../calling/model';
import { complianceStrings } from '../../strings';
import { visuallyHidden } from '../shared/visually-hidden';

const useStyles = makeStyles({
  // Read out, not shown: the banner going away is the visible sign that it stopped.
  visuallyHidden,
});

function sentence({ recording, transcribing }: ComplianceNotice): string | null {
  if (recording && transcribing) return complianceStrings.recordingAndTranscribing;
  if (recording) return complianceStrings.recording;
  if (transcribing) return complianceStrings.transcribing;
  return null;
}

/**
 * The recording and transcription notice: up for as long as either is active (no close button:
 * people must be told for the whole time), inside a live region that stays mounted for the whole
 * call, so screen readers announce it starting, changing and stopping.
 */
export function ComplianceBanner(props: { notice: ComplianceNotice }) {
  const styles = useStyles();
  const text = sentence(props.notice);
  const [wasActive, setWasActive] = useState(false);
  useEffect(() => {
    if (text) setWasActive(true);
  }, [text]);

  return (
    <div role="status" aria-live="polite" aria-atomic="true" data-testid="compliance-live-region">
      {text ? (
        <MessageBar intent="warning" icon={<RecordRegular />} layout="multiline" data-testid="compliance-banner">
          <MessageBarBody>
            <MessageBarTitle>{text}</MessageBarTitle>
            {complianceStrings.detail}
          </MessageBarBody>
        </MessageBar>
      ) : wasActive ? (
        <span className={styles.visuallyHidden}>{complianceStrings.stopped}</span>
      ) : null}
    </div>
  );
}
