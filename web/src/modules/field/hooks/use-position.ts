import { useSyncExternalStore } from 'react';

export interface Position {
  lat: number;
  lng: number;
  accuracy: number;
  at: number;
}

interface PositionState {
  position: Position | null;
  error: GeolocationPositionError | null;
}

// One watch for the whole app, started by the first component that asks and
// stopped when the last one goes: GPS costs battery.
let state: PositionState = { position: null, error: null };
let watchId: number | null = null;
const listeners = new Set<() => void>();

function emit(next: PositionState) {
  state = next;
  for (const l of listeners) l();
}

function subscribe(fn: () => void) {
  listeners.add(fn);
  if (watchId === null && 'geolocation' in navigator) {
    watchId = navigator.geolocation.watchPosition(
      (p) => emit({ position: { lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy, at: p.timestamp }, error: null }),
      (error) => emit({ ...state, error }),
      { enableHighAccuracy: true, maximumAge: 30_000, timeout: 30_000 },
    );
  }
  return () => {
    listeners.delete(fn);
    if (!listeners.size && watchId !== null) {
      navigator.geolocation.clearWatch(watchId);
      watchId = null;
    }
  };
}

/** The device's position (WGS-84, as the browser gives it) while the caller is shown. */
export function usePosition(): PositionState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}

/** One fresh fix, for the "use my position" button. */
export function currentPosition(): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!('geolocation' in navigator)) return reject(new Error('no geolocation'));
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy, at: p.timestamp }),
      reject,
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 20_000 },
    );
  });
}
