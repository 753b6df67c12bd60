import type { IssuedRecord } from './types';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:28rem;padding:0 1rem;color:#222}
.coupon{border:2px dashed #4945ff;border-radius:8px;padding:1.5rem;text-align:center}
.code{font-size:2.5rem;letter-spacing:.3rem;font-weight:700}
.ean{font-family:monospace;font-size:1.2rem}
</style>
</head>
<body>
${body}
</body>
</html>
`;

/** The page a redeem link shows: the offer, the 7-digit code, the EAN and the expiry date. */
export const redeemPage = (record: IssuedRecord) =>
  page(
    `Coupon ${record.request.couponCode}`,
    `<main class="coupon">
<p>ClearOn simulator coupon</p>
<h1>${escapeHtml(record.request.couponCode)}</h1>
<p class="code" data-testid="code">${escapeHtml(record.code)}</p>
<p class="ean" data-testid="ean">EAN ${escapeHtml(record.ean)}</p>
<p>Valid until <time datetime="${escapeHtml(record.expiresAt)}">${escapeHtml(record.expiresAt.slice(0, 10))}</time></p>
</main>`
  );

export const notFoundPage = () =>
  page('Coupon not found', '<main><h1>Coupon not found</h1><p>This link is not valid.</p></main>');
