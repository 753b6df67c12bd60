import * as React from 'react';
import { Alert, Flex } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';

import { listOpenCircuits, type OpenCircuit } from '../../api/circuits';
import { messages } from './messages';

/** How often the banner asks again whether ClearOn answers. */
export const CIRCUIT_REFRESH_MS = 10_000;

/**
 * One warning per integration whose circuit is open: ClearOn unreachable since when, and when the
 * next try goes out. Nothing when every integration answers (or the list cannot be read).
 */
export const CircuitBanner = () => {
  const { formatMessage, formatDate, formatTime } = useIntl();
  const { get } = useFetchClient();
  const [circuits, setCircuits] = React.useState<OpenCircuit[]>([]);
  // Hidden by the user, per outage (integration and since when): a new outage shows again.
  const [hidden, setHidden] = React.useState<string[]>([]);

  React.useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      try {
        const open = await listOpenCircuits({ get });
        if (active) setCircuits(open);
      } catch {
        // Not knowing is not an outage: the banner shows what it last knew.
      }
      if (active) timer = setTimeout(() => void load(), CIRCUIT_REFRESH_MS);
    };
    void load();
    return () => {
      active = false;
      if (timer) clearTimeout(timer);
    };
  }, [get]);

  const keyOf = (circuit: OpenCircuit) => `${circuit.integration.id}@${circuit.openedAt}`;
  const shown = circuits.filter((circuit) => !hidden.includes(keyOf(circuit)));
  if (shown.length === 0) return null;
  const at = (iso: string | null) =>
    iso ? `${formatDate(iso, { dateStyle: 'medium' })} ${formatTime(iso)}` : '—';

  return (
    <Flex
      tag="section"
      aria-label={formatMessage(messages.circuitLabel)}
      direction="column"
      alignItems="stretch"
      gap={2}
    >
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
    </Flex>
  );
};
