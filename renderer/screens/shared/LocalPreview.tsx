import { makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { VideoOffRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useCallingActions, useCallingState } from '../../calling/model';
import { deviceStrings } from '../../strings';

const useStyles = makeStyles({
  frame: {
    position: 'relative',
    overflow: 'hidden',
    borderRadius: tokens.borderRadiusXLarge,
    // A camera's frame is dark in both themes (the inverted background turns white in dark mode).
    backgroundColor: tokens.colorNeutralBackgroundStatic,
    aspectRatio: '16 / 9',
    width: '100%',
  },
  video: {
    position: 'absolute',
    inset: 0,
    // The SDK renders a <video> inside: fill the frame, mirrored like a mirror (as Teams does).
    '& video': { width: '100%', height: '100%', objectFit: 'cover', transform: 'scaleX(-1)' },
    '& > div': { width: '100%', height: '100%' },
  },
  placeholder: {
    position: 'absolute',
    inset: 0,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalS,
    color: tokens.colorNeutralForegroundStaticInverted,
    fontSize: tokens.fontSizeBase300,
  },
  icon: { fontSize: '32px' },
});

/**
 * The selected camera, rendered by the layer (`attachLocalPreview`) into a container React does
 * not otherwise touch. Re-attached when the camera changes; torn down on unmount.
 */
export function LocalPreview(props: { enabled: boolean; loading?: boolean; className?: string }) {
  const styles = useStyles();
  const actions = useCallingActions();
  const cameraId = useCallingState((state) => state.devices.selectedCameraId);
  const hasCamera = useCallingState((state) => state.devices.cameras.length > 0);
  const blocked = useCallingState((state) => state.devices.videoPermission === 'denied');
  const container = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<'off' | 'starting' | 'on' | 'failed'>('off');
  const [failure, setFailure] = useState('');

  // biome-ignore lint/correctness/useExhaustiveDependencies: cameraId is the trigger: a new camera needs a new view.
  useEffect(() => {
    const element = container.current;
    if (!props.enabled || !hasCamera || !element) {
      setStatus('off');
      return;
    }
    let detach: (() => void) | null = null;
    let cancelled = false;
    setStatus('starting');
    actions.attachLocalPreview(element).then(
      (teardown) => {
        if (cancelled) teardown();
        else {
          detach = teardown;
          setStatus('on');
        }
      },
      (error: unknown) => {
        if (cancelled) return;
        setFailure(error instanceof Error ? error.message : String(error));
        setStatus('failed');
      },
    );
    return () => {
      cancelled = true;
      detach?.();
    };
  }, [actions, props.enabled, hasCamera, cameraId]);

  return (
    <div
      className={mergeClasses(styles.frame, props.className)}
      role="img"
      aria-label={deviceStrings.previewLabel}
      data-testid="local-preview"
      data-status={status}
    >
      <div ref={container} className={styles.video} />
      {status === 'on' ? null : props.loading ? (
        // Keyed: a different message is a new element, not the old text moving in place.
        <div key="looking-for-devices" className={styles.placeholder} role="status">
          <Spinner size="small" appearance="inverted" />
          <Text style={{ color: 'inherit' }}>{deviceStrings.lookingForDevices}</Text>
        </div>
      ) : (
        <div key="preview-state" className={styles.placeholder}>
          {status === 'starting' ? (
            <Spinner size="small" appearance="inverted" />
          ) : (
            <VideoOffRegular className={styles.icon} />
          )}
          <Text style={{ color: 'inherit' }}>
            {status === 'failed'
              ? deviceStrings.previewFailed(failure)
              : status === 'starting'
                ? ''
                : blocked
                  ? deviceStrings.previewBlocked
                  : hasCamera
                    ? deviceStrings.previewOff
                    : deviceStrings.previewUnavailable}
          </Text>
        </div>
      )}
    </div>
  );
}
