import { create } from 'zustand';

/**
 * How this device's scanners are set up. A device setting, not a user's: it describes the
 * hardware in the worker's hand. Kept in localStorage because the wedge needs it
 * synchronously at start-up, before IndexedDB has opened.
 */
export interface ScannerSettings {
  /** Wedge timing profile (see `WEDGE_PROFILES`). */
  wedgeProfile: 'usb' | 'bluetooth';
  /** A printable character the scanner is configured to send in place of GS (0x1D), or null. */
  gsSubstitute: string | null;
  /** Camera: the same code is not taken again within this many milliseconds (not in counting mode). */
  cameraDedupeMs: number;
  /** Camera: switch the torch on when the view opens, where the track supports it. */
  cameraTorch: boolean;
}

export const DEFAULT_SCANNER_SETTINGS: ScannerSettings = {
  wedgeProfile: 'usb',
  gsSubstitute: null,
  cameraDedupeMs: 1500,
  cameraTorch: false,
};

const STORAGE_KEY = 'tote.scanner';

function load(): ScannerSettings {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_SCANNER_SETTINGS;
    return sanitise(JSON.parse(raw) as Partial<ScannerSettings>);
  } catch {
    return DEFAULT_SCANNER_SETTINGS;
  }
}

/** Anything stored by an older version or edited by hand falls back to the default. */
export function sanitise(v: Partial<ScannerSettings>): ScannerSettings {
  const d = DEFAULT_SCANNER_SETTINGS;
  return {
    wedgeProfile: v.wedgeProfile === 'bluetooth' ? 'bluetooth' : d.wedgeProfile,
    gsSubstitute: typeof v.gsSubstitute === 'string' && [...v.gsSubstitute].length === 1 ? v.gsSubstitute : null,
    cameraDedupeMs:
      typeof v.cameraDedupeMs === 'number' && Number.isInteger(v.cameraDedupeMs) && v.cameraDedupeMs >= 0 && v.cameraDedupeMs <= 10_000
        ? v.cameraDedupeMs
        : d.cameraDedupeMs,
    cameraTorch: typeof v.cameraTorch === 'boolean' ? v.cameraTorch : d.cameraTorch,
  };
}

interface Store extends ScannerSettings {
  update(patch: Partial<ScannerSettings>): void;
}

export const useScannerSettings = create<Store>((set, get) => ({
  ...load(),
  update(patch) {
    const { update: _u, ...current } = get();
    const next = sanitise({ ...current, ...patch });
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // private mode: the setting lasts for this session
    }
    set(next);
  },
}));

/** For non-React code (the wedge, the camera worker host). */
export const scannerSettings = (): ScannerSettings => {
  const { update: _u, ...s } = useScannerSettings.getState();
  return s;
};
