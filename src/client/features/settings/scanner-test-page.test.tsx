// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { useScannerSettings } from '../../local/scanner-settings-store';
import type { BurstInfo } from '../../scan/burst-detector';
import { publishScan, subscribeScans } from '../../scan/scan-bus';
import { deliver } from '../../scan/wedge-capture';
import { clearTraces } from '../../scan/wedge-trace';
import ScannerTestPage from './scanner-test-page';
import SettingsPage from './settings-page';

const GS = '\u001d';
const info = (over: Partial<BurstInfo> = {}): BurstInfo => ({
  terminator: 'enter',
  gaps: [8, 7, 9, 8],
  totalMs: 120,
  maxGapMs: 12,
  keys: 30,
  altNumpad: false,
  ctrlBracket: true,
  gsSubstitute: false,
  ...over,
});

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/settings', element: <SettingsPage /> },
      { path: '/settings/scanner', element: <ScannerTestPage /> },
    ],
    { initialEntries: [path] },
  );
  return render(<RouterProvider router={router} />);
}

/** A wedge scan as wedge-capture delivers it: trace recorded, then published. */
const wedgeScan = (raw: string, at: number, over?: Partial<BurstInfo>) => act(() => deliver({ scans: [{ scan: { source: 'wedge', raw, at }, info: info(over) }] }));

beforeEach(async () => {
  await i18n.changeLanguage('en');
  clearTraces();
  useScannerSettings.getState().update({ wedgeProfile: 'usb', gsSubstitute: null, cameraDedupeMs: 1500 });
});
afterEach(cleanup);

describe('Test your scanner screen', () => {
  it('shows control characters, symbology, timing, suffix and the GS1 fields of a scan', () => {
    renderAt('/settings/scanner');
    wedgeScan(`]C10109501101530003${GS}10ABC${GS}21X`, 100);
    const log = screen.getByRole('log');
    expect(within(log).getAllByText('<GS>')).toHaveLength(2);
    expect(within(log).getByText('<CR>')).toBeTruthy();
    expect(within(log).getAllByText('GS control character').length).toBe(2);
    expect(within(log).getByText(']C1 GS1-128')).toBeTruthy();
    expect(within(log).getByText(/30 keys in 120 ms, longest gap 12 ms/)).toBeTruthy();
    expect(within(log).getByText('Enter (CR)')).toBeTruthy();
    expect(within(log).getByText('GS sent as Ctrl+]')).toBeTruthy();
    expect(within(log).getByText('GTIN-14: 09501101530003')).toBeTruthy();
    const table = within(log).getByRole('table', { name: 'GS1 fields' });
    expect(within(table).getByRole('rowheader', { name: '(10)' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'ABC' })).toBeTruthy();
    expect(screen.getByText('No problems seen so far.')).toBeTruthy();
  });

  it('is the top scan listener: scans go nowhere else while it is open', () => {
    const elsewhere: string[] = [];
    const off = subscribeScans((s) => elsewhere.push(s.raw));
    renderAt('/settings/scanner');
    act(() => void publishScan({ source: 'wedge', raw: 'T0042', at: 1 }));
    expect(elsewhere).toEqual([]);
    cleanup();
    publishScan({ source: 'wedge', raw: 'T0043', at: 2 });
    expect(elsewhere).toEqual(['T0043']);
    off();
  });

  it('advises Enter and AIM identifiers after a Tab-terminated scan with no prefix; CR+LF noted later updates the suffix', () => {
    renderAt('/settings/scanner');
    wedgeScan('T0042', 200, { terminator: 'tab' });
    const status = screen.getByRole('status');
    expect(within(status).getByText('The scanner ends each scan with: Tab')).toBeTruthy();
    expect(within(status).getByText('Scans arrive without a symbology identifier')).toBeTruthy();
    expect(within(screen.getByRole('log')).getByText('no AIM prefix')).toBeTruthy();

    wedgeScan(']C0T0042', 300);
    expect(within(status).queryByText(/ends each scan/)).toBeNull();
    act(() => deliver({ scans: [], lineFeed: true }));
    expect(within(status).getByText('The scanner ends each scan with: CR+LF')).toBeTruthy();
  });

  it('a lost GS1 separator and an invalid code are explained', () => {
    renderAt('/settings/scanner');
    wedgeScan(']C1010950110153000310ABC17261231', 400);
    expect(screen.getByText('The GS1 separator is getting lost')).toBeTruthy();
    wedgeScan(']C1010950110153000310ABC~21X', 500);
    expect(screen.getByText('Not accepted')).toBeTruthy();
    expect(screen.getByText(i18n.t('errors.GS1_BAD_CHARACTER'))).toBeTruthy();
  });

  it('suggests Bluetooth for slow lines and switches the profile from the advice', () => {
    renderAt('/settings/scanner');
    act(() => deliver({ scans: [], rejected: { raw: 'A01-03-2', at: 600, info: info({ gaps: [70, 65, 72, 60, 68, 70, 66], keys: 8 }) } }));
    fireEvent.click(screen.getByRole('button', { name: 'Switch to Bluetooth' }));
    expect(useScannerSettings.getState().wedgeProfile).toBe('bluetooth');
    expect(screen.queryByRole('button', { name: 'Switch to Bluetooth' })).toBeNull();
  });
});

describe('Settings: scanner section', () => {
  it('changes the profile at once and links to the test screen', () => {
    renderAt('/settings');
    fireEvent.click(screen.getByRole('radio', { name: 'Bluetooth scanner' }));
    expect(useScannerSettings.getState().wedgeProfile).toBe('bluetooth');
    expect(screen.getByRole('link', { name: 'Test your scanner' }).getAttribute('href')).toBe('/settings/scanner');
  });

  it.each([
    ['~', '~', false],
    ['', null, false],
    ['ab', null, true],
    ['A', null, true],
    ['5', null, true],
  ])('GS substitute %j → stored %j, error shown: %s', (typed, stored, error) => {
    renderAt('/settings');
    fireEvent.change(screen.getByLabelText('GS substitute character'), { target: { value: typed } });
    expect(useScannerSettings.getState().gsSubstitute).toBe(stored);
    expect(screen.getByLabelText('GS substitute character').getAttribute('aria-invalid')).toBe(String(error));
    expect(screen.queryByText(/Enter one character/) !== null).toBe(error);
  });

  it.each([
    ['500', 500, false],
    ['0', 0, false],
    ['20000', 1500, true],
    ['-5', 1500, true],
    ['', 1500, true],
  ])('camera window %j → stored %d, error shown: %s', (typed, stored, error) => {
    renderAt('/settings');
    fireEvent.change(screen.getByLabelText('Camera duplicate window (ms)'), { target: { value: typed } });
    expect(useScannerSettings.getState().cameraDedupeMs).toBe(stored);
    expect(screen.queryByText(/whole number from 0 to 10000/) !== null).toBe(error);
  });
});
