import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

import { messages } from '../../components/campaign-tools/messages';
import { messages as couponMessages } from '../../components/coupon/messages';
import type { CampaignPreview, PreviewExitScreen } from '../../components/campaign-tools/types';
import { CouponBlock } from './CouponBlock';

const FRAME_STYLE = `
  body { margin: 0; padding: 12px 16px; font: 14px/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #32324d; background: #fff; }
  h2 { font-size: 18px; margin: 0 0 8px; }
  img { max-width: 100%; height: auto; }
`;

/**
 * The exit screen's HTML, exactly as participants get it (rendered from the rich text and
 * sanitized on the server), in a sandboxed frame: scripts could not run anyway (no allow-scripts,
 * a CSP without scripts) and it cannot touch the admin's page.
 */
export const screenDocument = (screen: Pick<PreviewExitScreen, 'title' | 'html'>) =>
  '<!doctype html><html><head><meta charset="utf-8">' +
  `<meta http-equiv="Content-Security-Policy" content="script-src 'none'">` +
  `<base target="_blank"><style>${FRAME_STYLE}</style></head>` +
  `<body><h2>${screen.title}</h2>${screen.html}</body></html>`;

const ScreenFrame = ({ screen, label }: { screen: PreviewExitScreen; label: string }) => {
  const ref = React.useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = React.useState(120);
  // The body's own height (the document's is at least the frame's), within reason.
  const fit = () => {
    const body = ref.current?.contentDocument?.body;
    if (body)
      setHeight(Math.min(Math.max(Math.ceil(body.getBoundingClientRect().height), 40), 2000));
  };
  return (
    <iframe
      ref={ref}
      title={label}
      srcDoc={screenDocument(screen)}
      // Same origin only so that the admin can measure the content; without allow-scripts it stays inert.
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      onLoad={fit}
      style={{ width: '100%', height, border: 0, display: 'block', background: '#fff' }}
    />
  );
};

export const matchLabel = (
  formatMessage: ReturnType<typeof useIntl>['formatMessage'],
  screen: PreviewExitScreen
) => {
  if (screen.match === 'profile')
    return formatMessage(messages.matchProfile, { profile: screen.profile ?? '' });
  if (screen.match === 'score') {
    const { minScore: min, maxScore: max } = screen;
    if (min != null && max != null) return formatMessage(messages.matchScoreRange, { min, max });
    if (min != null) return formatMessage(messages.matchScoreMin, { min });
    if (max != null) return formatMessage(messages.matchScoreMax, { max });
    return formatMessage(messages.matchScoreAny);
  }
  return formatMessage(messages.matchDefault);
};

export const ExitScreenPreview = ({
  screen,
  sample,
}: {
  screen: PreviewExitScreen;
  sample: CampaignPreview['sampleCoupon'];
}) => {
  const { formatMessage } = useIntl();
  const label = matchLabel(formatMessage, screen);
  return (
    <Box
      tag="article"
      background="neutral0"
      hasRadius
      shadow="tableShadow"
      borderColor="neutral150"
      aria-label={`${screen.index + 1}. ${label}`}
    >
      <Flex
        padding={4}
        gap={2}
        justifyContent="space-between"
        borderColor="neutral150"
        style={{ borderBottomWidth: 1, borderBottomStyle: 'solid' }}
      >
        <Typography variant="delta" tag="h3">
          {`${screen.index + 1}. ${label}`}
        </Typography>
        {screen.coupon ? (
          <Badge active>
            {formatMessage(
              screen.coupon.delivery === 'automatic'
                ? couponMessages.deliveryAutomatic
                : couponMessages.deliveryButton
            )}
          </Badge>
        ) : null}
      </Flex>
      <ScreenFrame screen={screen} label={label} />
      <Box padding={4}>
        <CouponBlock coupon={screen.coupon} sample={sample} />
      </Box>
    </Box>
  );
};
