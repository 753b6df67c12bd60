/** a***@example.se */
export const maskEmail = (email: string | null | undefined) => {
  if (!email) return null;
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
};

/** +4670*****67 */
export const maskPhone = (phone: string | null | undefined) => {
  if (!phone) return null;
  if (phone.length <= 6) return '***';
  return `${phone.slice(0, 5)}${'*'.repeat(phone.length - 7)}${phone.slice(-2)}`;
};
