/**
 * The screen-share source picker: main asks (getDisplayMedia → setDisplayMediaRequestHandler →
 * desktopCapturer sources), this dialog shows screens and windows with their thumbnails, and the
 * choice (or the cancel) goes back by id. On macOS without screen-recording permission it says
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
import { useEffect, useState } from 'react';
import type { ScreenSharePickRequest, ScreenShareSource } from '../../common/ipc/desktop';
import type { DesktopBridge } from './desktop-bridge';
import { screenShareStrings } from './desktop-strings';

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

export function ScreenSharePicker({ desktop }: { desktop: DesktopBridge }) {
  const [request, setRequest] = useState<ScreenSharePickRequest | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(
    () =>
      desktop.onScreenSharePick((next) => {
        setRequest(next);
        setSelected(next.sources[0]?.id ?? null);
      }),
    [desktop],
  );

  if (!request) return null;
  const answer = (sourceId: string | null) => {
    setRequest(null);
    void desktop.chooseScreenShareSource({ requestId: request.requestId, sourceId }).catch(() => {});
  };
  const screens = request.sources.filter((source) => source.kind === 'screen');
  const windows = request.sources.filter((source) => source.kind === 'window');

  return (
    <Dialog open onOpenChange={(_event, data) => (data.open ? undefined : answer(null))}>
      <DialogSurface aria-label={screenShareStrings.title}>
        <DialogBody>
          <DialogTitle>{screenShareStrings.title}</DialogTitle>
          <DialogContent>
            {request.screenRecordingAccess !== 'granted' ? (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>{screenShareStrings.permissionMissing}</MessageBarBody>
                <MessageBarActions>
                  <Button onClick={() => void desktop.openPrivacySettings('screen-recording').catch(() => {})}>
                    {screenShareStrings.openSettings}
                  </Button>
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
            <Button appearance="primary" disabled={selected === null} onClick={() => answer(selected)}>
              {screenShareStrings.share}
            </Button>
            <Button onClick={() => answer(null)}>{screenShareStrings.cancel}</Button>
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
