/**
 * A small network-quality indicator for the call (CallView.network, from Features.MediaStats):
 * bars and a word, with the figures behind it in a popover on click. It adds to the Poor/Bad
 * diagnostic banners and replaces none of them.
 */
import { Button, makeStyles, Popover, PopoverSurface, PopoverTrigger, Text, tokens } from '@fluentui/react-components';
import { CellularData1Regular, CellularData3Regular, CellularData5Regular } from '@fluentui/react-icons';
import type { NetworkQuality } from '../../calling/model';
import { networkStrings } from '../../strings';

const useStyles = makeStyles({
  good: { color: tokens.colorPaletteGreenForeground1 },
  fair: { color: tokens.colorPaletteMarigoldForeground1 },
  poor: { color: tokens.colorPaletteRedForeground1 },
  surface: { width: '280px', padding: tokens.spacingHorizontalL },
  table: { width: '100%', borderCollapse: 'collapse', marginTop: tokens.spacingVerticalS },
  name: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2 },
  value: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  hint: { display: 'block', marginTop: tokens.spacingVerticalS, color: tokens.colorNeutralForeground2 },
});

const ICON = { good: CellularData5Regular, fair: CellularData3Regular, poor: CellularData1Regular } as const;

function figure(value: number | null, format: (v: number) => string): string {
  return value === null ? networkStrings.unknown : format(value);
}

export function NetworkIndicator(props: { network: NetworkQuality | null }) {
  const styles = useStyles();
  const { network } = props;
  if (!network) return null;
  const Icon = ICON[network.level];
  const word = networkStrings.levels[network.level];
  const rows: Array<[string, string]> = [
    [networkStrings.packetLoss, figure(network.packetLossPercent, networkStrings.percent)],
    [networkStrings.jitter, figure(network.jitterMs, networkStrings.ms)],
    [networkStrings.roundTrip, figure(network.roundTripMs, networkStrings.ms)],
    [networkStrings.sending, figure(network.sendKbps, networkStrings.kbps)],
    [networkStrings.receiving, figure(network.receiveKbps, networkStrings.kbps)],
  ];
  return (
    <Popover withArrow positioning="below-start">
      <PopoverTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          size="small"
          icon={<Icon className={styles[network.level]} />}
          data-testid="network-indicator"
          data-level={network.level}
        >
          {networkStrings.indicator(word)}
        </Button>
      </PopoverTrigger>
      <PopoverSurface className={styles.surface} aria-label={networkStrings.detailsTitle} data-testid="network-details">
        <Text weight="semibold">{networkStrings.detailsTitle}</Text>
        <table className={styles.table}>
          <tbody>
            {rows.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className={styles.name}>
                  {name}
                </th>
                <td className={styles.value}>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <Text size={200} className={styles.hint}>
          {networkStrings.hint}
        </Text>
      </PopoverSurface>
    </Popover>
  );
}
