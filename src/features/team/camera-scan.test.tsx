import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../../i18n/language';
import { testRuntime } from '../../runtime/testing/test-runtime';
import { unlockedVault } from '../../runtime/testing/unlocked';
import { WithTestRuntime } from '../../runtime/testing/with-test-runtime';
import CameraScan from './camera-scan';
import { canUseCamera } from './camera-support';

vi.setConfig({ testTimeout: 20_000 });

/** A camera stream with one track whose stop() the test can count. */
function fakeStream() {
  const track = { stop: vi.fn(), readyState: 'live' };
  return { track, stream: { getTracks: () => [track] } as unknown as MediaStream };
}

let getUserMedia: ReturnType<typeof vi.fn<(c: MediaStreamConstraints) => Promise<MediaStream>>>;
beforeEach(() => {
  setLanguage('nl');
  getUserMedia = vi.fn<(c: MediaStreamConstraints) => Promise<MediaStream>>();
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
});
afterEach(() => {
  Reflect.deleteProperty(navigator, 'mediaDevices');
});

async function renderScan(onCancel = () => {}) {
  await unlockedVault();
  return render(<CameraScan onCode={() => {}} onCancel={onCancel} />, { wrapper: WithTestRuntime });
}

describe('the camera view of "add a colleague"', () => {
  it('opens the back camera, asks to keep the code in view, and stops every track when the view goes', async () => {
    const { track, stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const view = await renderScan();
    expect(await screen.findByText('Houd de code in beeld')).toBeInTheDocument();
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: 'environment' }, audio: false });
    expect(screen.getByRole('group', { name: 'Camera: de QR-code van je collega scannen' })).toBeInTheDocument();
    expect(track.stop).not.toHaveBeenCalled();
    view.unmount();
    expect(track.stop).toHaveBeenCalledTimes(1);
  });

  it('stops the camera on cancel, before telling the form', async () => {
    const { track, stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const onCancel = vi.fn(() => expect(track.stop).toHaveBeenCalledTimes(1));
    await renderScan(onCancel);
    await screen.findByText('Houd de code in beeld');
    await userEvent.click(screen.getByRole('button', { name: 'Stoppen met scannen' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(track.stop).toHaveBeenCalledTimes(1);
  });

  it('stops the camera when the vault locks', async () => {
    const { track, stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    await renderScan();
    await screen.findByText('Houd de code in beeld');
    act(() => testRuntime().lock());
    expect(track.stop).toHaveBeenCalledTimes(1);
  });

  it('stops a camera that opens only after the view has gone', async () => {
    const { track, stream } = fakeStream();
    let open: (s: MediaStream) => void = () => {};
    getUserMedia.mockReturnValue(new Promise((resolve) => (open = resolve)));
    const view = await renderScan();
    view.unmount();
    await act(async () => open(stream));
    expect(track.stop).toHaveBeenCalledTimes(1);
  });

  it('says so in plain words when the camera is refused, and when there is none', async () => {
    getUserMedia.mockRejectedValue(new DOMException('Permission denied', 'NotAllowedError'));
    const refused = await renderScan();
    expect(await screen.findByText(/De camera mag niet worden gebruikt/)).toBeInTheDocument();
    refused.unmount();
    getUserMedia.mockRejectedValue(new DOMException('Requested device not found', 'NotFoundError'));
    render(<CameraScan onCode={() => {}} onCancel={() => {}} />, { wrapper: WithTestRuntime });
    expect(await screen.findByText(/Er is geen camera gevonden/)).toBeInTheDocument();
  });

  it('is offered only where the browser has getUserMedia', () => {
    expect(canUseCamera()).toBe(true);
    Reflect.deleteProperty(navigator, 'mediaDevices');
    expect(canUseCamera()).toBe(false);
  });
});
