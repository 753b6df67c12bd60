import * as React from 'react';
import { Alert } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { useGetOpenCircuitsQuery, type OpenCircuit } from '../../services/circuits';
import { messages } from './messages';
import { Region } from './Region';

/** How often the banner asks again whether ClearOn answers. */
export const CIRCUIT_REFRESH_MS = 10_000;

const NO_CIRCUITS: OpenCircuit[] = [];

/**
 * One warning per integration whose circuit is open: ClearOn unreachable since when, and when the
 * next try goes out. Nothing when every integration answers (or the list cannot be read).
 */
export const CircuitBanner = () => {
  const { formatMessage, formatDate, formatTime } = useIntl();
  // Polled; a failed request keeps the last list (not knowing is not an outage).
  const { data: circuits = NO_CIRCUITS } = useGetOpenCircuitsQuery(undefined, {
    pollingInterval: CIRCUIT_REFRESH_MS,
  });
  // Hidden by the user, per outage (integration and since when): a new outage shows again.
  const [hidden, setHidden] = React.useState<string[]>([]);

  const keyOf = (circuit: OpenCircuit) => `${circuit.integration.id}@${circuit.openedAt}`;
  const shown = circuits.filter((circuit) => !hidden.includes(keyOf(circuit)));
  if (shown.length === 0) return null;
  const at = (iso: string | null) =>
    iso ? `${formatDate(iso, { dateStyle: 'medium' })} ${formatTime(iso)}` : '—';

  return (
    <Region label={formatMessage(messages.circuitLabel)} gap={2}>
      {shown.map((circuit) => (
        <Alert
          key={keyOf(circuit)}
          variant="warning"
          closeLabel={formatMessage(messages.circuitHide)}
          onClose={() => setHidden((keys) => [...keys, keyOf(circuit)])}
          title={formatMessage(messages.circuitOpen, {
            name: circuit.integration.name,
            date: at(circuit.openedAt),
            time: circuit.nextProbeAt ? formatTime(circuit.nextProbeAt) : '—',
          })}
        >
          {formatMessage(messages.circuitHint)}
        </Alert>
      ))}
    </Region>
  );
};
