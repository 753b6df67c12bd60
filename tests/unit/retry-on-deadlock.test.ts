import { isDeadlock, retryOnDeadlock } from '../../server/src/utils/retry-on-deadlock';

const deadlock = (code: string) => Object.assign(new Error('Deadlock found'), { code });

describe('retryOnDeadlock', () => {
  it('recognises the deadlock and serialisation codes of the three databases, wrapped or not', () => {
    expect(isDeadlock(deadlock('ER_LOCK_DEADLOCK'))).toBe(true);
    expect(isDeadlock(deadlock('40P01'))).toBe(true);
    expect(isDeadlock(deadlock('40001'))).toBe(true);
    expect(
      isDeadlock(Object.assign(new Error('wrapped'), { cause: deadlock('ER_LOCK_DEADLOCK') }))
    ).toBe(true);
    expect(isDeadlock(deadlock('23505'))).toBe(false);
    expect(isDeadlock(deadlock('ER_LOCK_WAIT_TIMEOUT'))).toBe(false);
    expect(isDeadlock(null)).toBe(false);
  });

  it('runs a transaction that was a deadlock victim again, and answers its result', async () => {
    const run = jest
      .fn()
      .mockRejectedValueOnce(deadlock('ER_LOCK_DEADLOCK'))
      .mockRejectedValueOnce(deadlock('40P01'))
      .mockResolvedValue('committed');
    await expect(retryOnDeadlock(run, 3, 1)).resolves.toBe('committed');
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('gives up after the last attempt with the deadlock itself', async () => {
    const run = jest.fn().mockRejectedValue(deadlock('ER_LOCK_DEADLOCK'));
    await expect(retryOnDeadlock(run, 3, 1)).rejects.toMatchObject({ code: 'ER_LOCK_DEADLOCK' });
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('never runs again after any other error (a unique violation, a refused limit)', async () => {
    const run = jest.fn().mockRejectedValue(deadlock('23505'));
    await expect(retryOnDeadlock(run, 3, 1)).rejects.toMatchObject({ code: '23505' });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
