import '@testing-library/jest-dom';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import { renderWithProviders } from '../../../../test-utils/renderWithProviders';
import { toErrorAnswer, toResultAnswer } from '../answers';
import { TestCouponModal } from '../TestCouponModal';
import { validateTestCoupon } from '../testCouponRules';
import type { PreviewExitScreen, TestCouponAnswer } from '../types';
import { ISSUED, SCREENS } from './previewFixtures';

const setup = (props: { screens?: PreviewExitScreen[]; answer?: TestCouponAnswer } = {}) => {
  const onSend = jest.fn(async () => props.answer ?? ISSUED);
  const user = userEvent.setup();
  renderWithProviders(
    <TestCouponModal
      open
      onClose={() => undefined}
      screens={props.screens ?? SCREENS}
      screensStatus="ready"
      onSend={onSend}
    />
  );
  const dialog = screen.getByRole('dialog', { name: 'Send a test coupon' });
  const sendButton = () => within(dialog).getByRole('button', { name: 'Send' });
  return { onSend, user, dialog, sendButton };
};

describe('TestCouponModal: validation before any request', () => {
  it('offers only the exit screens with a coupon, the first one chosen', () => {
    const { dialog } = setup();
    expect(within(dialog).getByRole('combobox', { name: /Exit screen/ })).toHaveTextContent(
      'Thanks Alex & co: SUMMER10 (Button)'
    );
    expect(within(dialog).queryByText(/No coupon here/)).not.toBeInTheDocument();
  });

  it('asks for the email, then refuses a malformed one, without sending', async () => {
    const { onSend, user, dialog, sendButton } = setup();
    await user.click(sendButton());
    expect(within(dialog).getByText('Enter the email address')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Email address/ }), 'alex@');
    expect(within(dialog).getByText('Enter a valid email address')).toBeInTheDocument();
    await user.click(sendButton());
    expect(onSend).not.toHaveBeenCalled();
  });

  it('switches to SMS, refuses a short phone number, then sends a valid one and shows the coupon', async () => {
    const { onSend, user, dialog, sendButton } = setup();
    await user.click(within(dialog).getByRole('radio', { name: 'SMS' }));
    expect(within(dialog).queryByRole('textbox', { name: /Email address/ })).toBeNull();
    const phone = within(dialog).getByRole('textbox', { name: /Phone number/ });
    await user.type(phone, '12');
    await user.click(sendButton());
    expect(within(dialog).getByText('Enter a valid phone number')).toBeInTheDocument();
    expect(onSend).not.toHaveBeenCalled();

    await user.clear(phone);
    await user.type(phone, ' +46 70 123 45 67 ');
    await user.click(sendButton());
    expect(onSend).toHaveBeenCalledWith({ exitScreenIndex: 1, phone: '+46 70 123 45 67' });
    const alert = await within(dialog).findByRole('status');
    expect(alert).toHaveTextContent('Coupon issued');
    expect(alert).toHaveTextContent('Code: 4821937');
    expect(within(alert).getByRole('link', { name: /Open the redeem page/ })).toHaveAttribute(
      'href',
      'https://clearon.example/c/1'
    );
  });

  it("shows ClearOn's refusal in a danger alert", async () => {
    const { user, dialog, sendButton } = setup({
      answer: {
        kind: 'result',
        result: {
          status: 'failed',
          message: 'ClearOn does not know the coupon code "SUMMER10" (404).',
        },
      },
    });
    await user.type(within(dialog).getByRole('textbox', { name: /Email address/ }), 'a@b.se');
    await user.click(sendButton());
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('ClearOn did not issue the coupon');
    expect(alert).toHaveTextContent('ClearOn does not know the coupon code "SUMMER10" (404).');
  });

  it('marks the field the server refused', async () => {
    const { user, dialog, sendButton } = setup({
      answer: {
        kind: 'invalid',
        fields: ['email'],
        message: 'email must be a valid email address',
      },
    });
    await user.type(within(dialog).getByRole('textbox', { name: /Email address/ }), 'a@b.se');
    await user.click(sendButton());
    await waitFor(() =>
      expect(within(dialog).getByText('Enter a valid email address')).toBeInTheDocument()
    );
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('says when no exit screen has a coupon, and cannot send', () => {
    const { dialog, sendButton } = setup({ screens: [SCREENS[0]] });
    expect(
      within(dialog).getByText(/No exit screen of the saved campaign has a coupon/)
    ).toBeVisible();
    expect(sendButton()).toBeDisabled();
  });
});

describe('test coupon rules and answers', () => {
  it('validates one channel at a time', () => {
    const draft = { exitScreen: '1', channel: 'email' as const, email: '', phone: 'x' };
    expect(validateTestCoupon(draft)).toEqual({ email: 'emailRequired' });
    expect(validateTestCoupon({ ...draft, email: 'a@b.se' })).toEqual({});
    expect(validateTestCoupon({ ...draft, channel: 'sms', phone: '(070) 123-45 67' })).toEqual({});
    expect(validateTestCoupon({ ...draft, exitScreen: '', email: 'a@b.se' })).toEqual({
      exitScreen: 'screenRequired',
    });
  });

  it("reads the route's answers and refusals", () => {
    expect(toResultAnswer({ data: { status: 'failed', message: 'No' } })).toEqual({
      kind: 'result',
      result: { status: 'failed', message: 'No' },
    });
    expect(toResultAnswer({})).toMatchObject({ kind: 'error' });
    expect(
      toErrorAnswer({
        status: 400,
        response: {
          data: {
            error: {
              status: 400,
              message: 'phone must be a valid phone number',
              details: { errors: [{ path: ['phone'] }, { path: ['phone'] }] },
            },
          },
        },
      })
    ).toEqual({
      kind: 'invalid',
      fields: ['phone'],
      message: 'phone must be a valid phone number',
    });
    expect(toErrorAnswer({ status: 403, message: 'Forbidden' })).toEqual({
      kind: 'error',
      message: 'Forbidden',
    });
  });
});
