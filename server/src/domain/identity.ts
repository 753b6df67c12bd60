import { createHmac } from 'crypto';

/** The forms under which one person is recognised: a normalised email and/or an E.164 phone. */
export interface Contact {
  email?: string | null;
  phone?: string | null;
}

const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * Trimmed and lower-cased; with `foldAliases`, `local+tag@` loses its tag and Gmail addresses lose
 * their dots (and googlemail.com becomes gmail.com), so `a.da+1@gmail.com` is `ada@gmail.com`.
 */
export const normalizeEmail = (email: string, foldAliases = false): string => {
  const lower = email.trim().toLowerCase();
  if (!foldAliases) return lower;
  const at = lower.lastIndexOf('@');
  if (at < 1) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  const plus = local.indexOf('+');
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  return `${local}@${domain}`;
};

/**
 * The person's identities as keyed hashes (HMAC-SHA256, hex): what the limits count by. Neither
 * the email nor the phone can be read back from them, so they outlive an erasure.
 */
export const identityHashes = (
  contact: Contact,
  key: Buffer,
  options: { foldEmailAliases?: boolean } = {}
): string[] => {
  const forms: string[] = [];
  if (contact.email) forms.push(`email:${normalizeEmail(contact.email, options.foldEmailAliases)}`);
  if (contact.phone) forms.push(`phone:${contact.phone.replace(/[^\d+]/g, '')}`);
  return forms.map((form) => createHmac('sha256', key).update(form).digest('hex'));
};
