/**
 * The screen-share source picker (a lazy chunk): main asks (getDisplayMedia →
 * setDisplayMediaRequestHandler → desktopCapturer sources), this dialog shows screens and windows
 * with their thumbnails, and the choice (or the cancel) goes back by id. On macOS without screen-recording permission it says
 * how to grant it and opens the right settings pane.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ScreenSharePickRequest, ScreenShareSource } from '../../common/ipc/desktop';
import { screenShareStrings } from '../strings/desktop';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalS,
  },
  source: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    height: 'auto',
    justifyItems: 'center',
  },
  thumbnail: {
    width: '160px',
    height: '90px',
    objectFit: 'contain',
    backgroundColor: tokens.colorNeutralBackground3,
    display: 'grid',
    placeItems: 'center',
  },
  name: { maxWidth: '160px', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
});

export interface ScreenSharePickerProps {
  request: ScreenSharePickRequest;
  /** The chosen source's id, or null for cancel. */
  onAnswer: (sourceId: string | null) => void;
  onOpenSettings: () => void;
}

export function ScreenSharePicker({ request, onAnswer, onOpenSettings }: ScreenSharePickerProps) {
  const [selected, setSelected] = useState<string | null>(request.sources[0]?.id ?? null);
  const screens = request.sources.filter((source) => source.kind === 'screen');
  const windows = request.sources.filter((source) => source.kind === 'window');

  return (
    <Dialog open onOpenChange={(_event, data) => (data.open ? undefined : onAnswer(null))}>
      <DialogSurface aria-label={screenShareStrings.title}>
        <DialogBody>
          <DialogTitle>{screenShareStrings.title}</DialogTitle>
          <DialogContent>
            {request.screenRecordingAccess !== 'granted' ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{screenShareStrings.permissionMissing}</MessageBarBody>
                <MessageBarActions>
                  <Button onClick={onOpenSettings}>{screenShareStrings.openSettings}</Button>
                </MessageBarActions>
              </MessageBar>
            ) : null}
            {request.sources.length === 0 ? <Text>{screenShareStrings.none}</Text> : null}
            <SourceGroup
              title={screenShareStrings.screens}
              sources={screens}
              selected={selected}
              onSelect={setSelected}
            />
            <SourceGroup
              title={screenShareStrings.windows}
              sources={windows}
              selected={selected}
              onSelect={setSelected}
            />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={selected === null} onClick={() => onAnswer(selected)}>
              {screenShareStrings.share}
            </Button>
            <Button onClick={() => onAnswer(null)}>{screenShareStrings.cancel}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function SourceGroup(props: {
  title: string;
  sources: ScreenShareSource[];
  selected: string | null;
  onSelect: (id: string) => void;
}) {
  const styles = useStyles();
  if (props.sources.length === 0) return null;
  return (
    <section aria-label={props.title}>
      <Subtitle2 as="h3">{props.title}</Subtitle2>
      <div className={styles.grid}>
        {props.sources.map((source) => (
          <Button
            key={source.id}
            className={styles.source}
            appearance={props.selected === source.id ? 'primary' : 'outline'}
            aria-pressed={props.selected === source.id}
            onClick={() => props.onSelect(source.id)}
          >
            {source.thumbnailDataUrl ? (
              <img className={styles.thumbnail} src={source.thumbnailDataUrl} alt="" />
            ) : (
              <span className={styles.thumbnail}>{screenShareStrings.noPreview}</span>
            )}
            <span className={styles.name} title={source.name}>
              {source.name}
            </span>
          </Button>
        ))}
      </div>
    </section>
  );
}
