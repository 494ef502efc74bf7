// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import type { RawScan, ScanResult } from '../../domain/scan/normalise';
import { useScannerSettings } from '../local/scanner-settings-store';
import { publishScan } from './scan-bus';
import { ScanWarningDialog } from './scan-warning-dialog';
import { useScanWarningStore } from './scan-warning-store';
import { useScan } from './use-scan';

const G = '09501101530003';
const WARNED = `]C101${G}10ABC1717250101`; // lot that seems to hold an expiry (17) 25-01-01
const WARNED_2 = `]C101${G}10XY1717250101`;
const CLEAN = `]C101${G}10ABC`;

function Screen({ onScan }: { onScan: (r: ScanResult, raw: RawScan) => void }) {
  useScan(onScan);
  return null;
}

function setup() {
  const onScan = vi.fn<(r: ScanResult, raw: RawScan) => void>();
  const view = render(
    <>
      <Screen onScan={onScan} />
      <ScanWarningDialog />
    </>,
  );
  return { onScan, view };
}

const scan = (raw: string) => act(() => void publishScan({ source: 'wedge', raw, at: 0 }));
const lots = (m: ReturnType<typeof vi.fn>) => m.mock.calls.map(([r]) => (r as ScanResult & { gs1?: { lot?: string } }).gs1?.lot);

beforeEach(async () => {
  await i18n.changeLanguage('en');
  useScannerSettings.getState().update({ gsSubstitute: null });
});
afterEach(() => {
  cleanup();
  useScanWarningStore.getState().rescan();
});

describe('scan warning gate', () => {
  it('delivers a scan without warnings at once', () => {
    const { onScan } = setup();
    scan(CLEAN);
    expect(lots(onScan)).toEqual(['ABC']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('holds a doubtful scan until Accept, showing the field, the value and the suspected AI', () => {
    const { onScan } = setup();
    scan(WARNED);
    expect(onScan).not.toHaveBeenCalled();
    const dialog = screen.getByRole('alertdialog', { name: 'Check this scan' });
    expect(dialog.textContent).toContain('A separator may be missing: the value of (10), ABC1717250101, seems to contain (17).');
    expect(screen.getByTestId('scan-warning-ai').textContent).toBe('lot (10)');
    expect(screen.getByTestId('scan-warning-value').textContent).toBe('ABC1717250101');
    expect(screen.getByTestId('scan-warning-suspect').textContent).toBe('expiry date (17)');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Scan again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(lots(onScan)).toEqual(['ABC1717250101']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('drops the scan on Scan again; the next scan goes to the screen', () => {
    const { onScan } = setup();
    scan(WARNED);
    fireEvent.click(screen.getByRole('button', { name: 'Scan again' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onScan).not.toHaveBeenCalled();
    scan(CLEAN);
    expect(lots(onScan)).toEqual(['ABC']);
  });

  it('a clean rescan while the dialog is open replaces the doubtful one and closes it', () => {
    const { onScan } = setup();
    scan(WARNED);
    scan(CLEAN);
    expect(lots(onScan)).toEqual(['ABC']);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('another doubtful scan replaces the held one', () => {
    const { onScan } = setup();
    scan(WARNED);
    scan(WARNED_2);
    expect(onScan).not.toHaveBeenCalled();
    expect(screen.getByTestId('scan-warning-value').textContent).toBe('XY1717250101');
    fireEvent.click(screen.getByRole('button', { name: 'Accept' }));
    expect(lots(onScan)).toEqual(['XY1717250101']);
  });

  it("reads the GS substitute from this device's scanner settings", () => {
    useScannerSettings.getState().update({ gsSubstitute: '~' });
    const { onScan } = setup();
    scan(`]C101${G}10ABC~17261231`);
    expect(onScan.mock.calls[0]![0]).toMatchObject({ kind: 'gtin', gs1: { lot: 'ABC', expiry: '2026-12-31' } });
  });

  it('a screen that goes away takes its held scan with it', () => {
    const { onScan, view } = setup();
    scan(WARNED);
    view.rerender(<ScanWarningDialog />);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(useScanWarningStore.getState().held).toBeNull();
    expect(onScan).not.toHaveBeenCalled();
  });

  it('speaks Spanish', async () => {
    await act(() => i18n.changeLanguage('es'));
    setup();
    scan(WARNED);
    expect(screen.getByRole('alertdialog', { name: 'Revisa este escaneo' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Aceptar' })).toBeTruthy();
    expect(screen.getByTestId('scan-warning-suspect').textContent).toBe('fecha de caducidad (17)');
  });
});
