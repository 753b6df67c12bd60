const MAX_REMOTE_MESSAGE = 160;

const isControl = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
};

/**
 * A message from ClearOn made safe to store and show: no control characters, short, and with the
 * given secrets (API key, recipient email/phone) and anything that looks like a URL, an email
 * address or a phone number replaced, since ClearOn may echo them back.
 */
export const safeRemoteMessage = (message: string, secrets: readonly string[]): string => {
  let text = Array.from(message, (char) => (isControl(char) ? ' ' : char)).join('');
  for (const secret of secrets) {
    if (secret.length >= 3) text = text.split(secret).join('***');
  }
  text = text
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, '[link]')
    .replace(/[^\s@]+@[^\s@]+/g, '[email]')
    .replace(/\+?\(?\d[\d ().-]*\d/g, (run) =>
      run.replace(/\D/g, '').length >= 7 ? '[number]' : run
    )
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_REMOTE_MESSAGE ? `${text.slice(0, MAX_REMOTE_MESSAGE - 1)}…` : text;
};
