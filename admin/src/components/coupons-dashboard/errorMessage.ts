/** The server's message (`{error: {message}}`) when there is one. */
export const errorMessage = (error: unknown) => {
  const failure = error as {
    response?: { data?: { error?: { message?: string } } };
    message?: string;
  } | null;
  return failure?.response?.data?.error?.message || failure?.message || String(error);
};
