// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../i18n';
import { ToteDb, db, setDatabase } from '../local/db';
import { PhotoCapture } from './photo-capture';
import { fitWithin } from './photo-encode';

// jsdom has no canvas: the frame's encoding is stood in for; the rest (storing, the
// camera's lifecycle, the words) is the real component.
vi.mock('./photo-encode', async (orig) => ({
  ...(await orig<typeof import('./photo-encode')>()),
  frameToJpeg: vi.fn(async () => jpegBlob()),
}));

function jpegBlob(): Blob {
  return new Blob([new Uint8Array([0xff, 0xd8, 1, 2, 3])], { type: 'image/jpeg' });
}

function fakeStream() {
  const track = { stop: vi.fn(), kind: 'video' };
  return { track, stream: { getTracks: () => [track] } as unknown as MediaStream };
}

let getUserMedia: ReturnType<typeof vi.fn>;
beforeEach(() => {
  setDatabase(new ToteDb(`photo-capture-${Math.random()}`));
  getUserMedia = vi.fn();
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  HTMLMediaElement.prototype.play = vi.fn(async () => undefined);
  URL.createObjectURL = vi.fn(() => 'blob:photo');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => cleanup());

describe('PhotoCapture', () => {
  it('takes a photo with the back camera, stores it, hands its id over and stops the camera when closed', async () => {
    const { track, stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const onTaken = vi.fn();
    render(<PhotoCapture label="Photograph the damage" onTaken={onTaken} />);
    fireEvent.click(screen.getByRole('button', { name: 'Photograph the damage' }));
    const take = await screen.findByRole('button', { name: 'Take photo' });
    await waitFor(() => expect((take as HTMLButtonElement).disabled).toBe(false));
    expect(getUserMedia.mock.calls[0]![0]).toMatchObject({ audio: false, video: { facingMode: 'environment' } });

    fireEvent.click(take);
    await waitFor(() => expect(onTaken).toHaveBeenCalledTimes(1));
    const id = onTaken.mock.calls[0]![0] as string;
    expect(await db().photos.get(id)).toMatchObject({ status: 'pending', contentType: 'image/jpeg', byteSize: 5, uploadedBytes: 0 });
    expect((screen.getByTestId('photo-count')).textContent).toContain('1 photo taken');
    expect(screen.getByRole('img', { name: 'Photo 1' })).toBeTruthy();
    expect((await screen.findByTestId('photos-waiting')).textContent).toContain('1 photo waiting to upload');

    expect(track.stop).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Close camera' }));
    expect(track.stop).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Photograph the damage' })).toBeTruthy();
  });

  it('stops the camera when the screen goes away, even if the permission answer comes after', async () => {
    const { track, stream } = fakeStream();
    getUserMedia.mockResolvedValue(stream);
    const first = render(<PhotoCapture label="Photo" onTaken={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Photo' }));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Take photo' }) as HTMLButtonElement).disabled).toBe(false));
    first.unmount();
    expect(track.stop).toHaveBeenCalled();

    const late = fakeStream();
    let answer: (s: MediaStream) => void = () => undefined;
    getUserMedia.mockReturnValue(new Promise<MediaStream>((r) => (answer = r)));
    const second = render(<PhotoCapture label="Photo" onTaken={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Photo' }));
    second.unmount();
    await act(async () => answer(late.stream));
    expect(late.track.stop).toHaveBeenCalled();
  });

  it('says why the camera cannot be used, in the worker\'s language, and offers the system picker instead', async () => {
    getUserMedia.mockRejectedValue(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    render(<PhotoCapture label="Photo" onTaken={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Photo' }));
    const alert = await screen.findByRole('alert');
    expect((alert).getAttribute('data-code')).toBe('CAMERA_PERMISSION_DENIED');
    expect((alert).textContent).toContain("Tote may not use the camera");
    const file = screen.getByLabelText('Choose or take a photo');
    expect((file).getAttribute('accept')).toBe('image/*');
    expect((file).getAttribute('capture')).toBe('environment');
    expect(screen.queryByRole('button', { name: 'Take photo' })).toBeNull();
  });

  it('tells a missing camera apart', async () => {
    getUserMedia.mockRejectedValue(Object.assign(new Error('none'), { name: 'NotFoundError' }));
    render(<PhotoCapture label="Photo" onTaken={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Photo' }));
    expect((await screen.findByRole('alert')).getAttribute('data-code')).toBe('CAMERA_NOT_FOUND');
  });
});

describe('fitWithin', () => {
  it('shrinks the longest edge to the limit, keeps the shape and never enlarges', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(1080, 1920)).toEqual({ width: 900, height: 1600 });
    expect(fitWithin(640, 480)).toEqual({ width: 640, height: 480 });
  });
});
