import { lazy, Suspense, useEffect, useRef, useState } from 'react';

// The panel, its maps and its worker load only when the map is opened.
const MapPanel = lazy(() => import('./MapPanel'));

/** The "Stability map" button, and the panel once opened (by the button or the #/map route). */
export function MapEntry({ routed }: { routed: boolean }) {
  const [open, setOpen] = useState(routed);
  const button = useRef<HTMLButtonElement>(null);
  const closed = useRef(false);
  useEffect(() => {
    if (routed) setOpen(true);
  }, [routed]);
  useEffect(() => {
    // Closing the panel hands the focus back to the button that opens it.
    if (!open && closed.current) button.current?.focus();
  }, [open]);
  if (!open) {
    return (
      <button type="button" className="map-open" style={{ alignSelf: 'flex-start' }} ref={button} onClick={() => setOpen(true)} data-testid="map-open">
        Stability map: every α and β, computed and run
      </button>
    );
  }
  const close = () => {
    closed.current = true;
    setOpen(false);
  };
  return (
    <Suspense fallback={<section className="panel" aria-busy="true" aria-label="Stability map loading" />}>
      <MapPanel onClose={close} reveal={routed} />
    </Suspense>
  );
}
