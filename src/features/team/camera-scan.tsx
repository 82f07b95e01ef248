// The inviter's camera view (a lazy chunk with jsQR: loaded when "Code scannen met de camera" is
// pressed). It reads frames from the back camera until one holds a device code, then hands the code
// to the same field the typed code goes into. The camera is on only while this view is: every track
// stops as soon as a code is read, on cancel, when the view unmounts (leaving the screen) and on lock.
// A <video> showing a MediaStream fetches nothing, so the CSP (media-src via default-src 'self') and
// a canvas read of the frames need no change; Permissions-Policy allows the camera for 'self' only.
import { useEffect, useRef, useState } from 'react';
import { useMessages } from '../../i18n/define-messages';
import { useVault } from '../../runtime/vault/runtime-context';
import { membershipMessages } from './membership-messages';
import { readFrame } from './scan-code';

/** Frames are read this often: jsQR takes tens of milliseconds a frame on a slow phone. */
const FRAME_MS = 150;
/** Frames are scaled down to this longest side before decoding: enough for a 37-module code. */
const MAX_SIDE = 800;

type ScanState = 'scanStarting' | 'scanHold' | 'scanNotDevice' | 'scanDenied' | 'scanNoCamera';

function failureOf(error: unknown): ScanState {
  const name = error instanceof DOMException ? error.name : '';
  // Refused by the person, by the browser's settings, or by the page's Permissions-Policy.
  return name === 'NotAllowedError' || name === 'SecurityError' ? 'scanDenied' : 'scanNoCamera';
}

export default function CameraScan({ onCode, onCancel }: { onCode: (code: string) => void; onCancel: () => void }) {
  const t = useMessages(membershipMessages);
  const vault = useVault();
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<ScanState>('scanStarting');
  // The parent passes new callbacks each render; the camera must not restart for that.
  const found = useRef(onCode);
  found.current = onCode;
  /** Turns the camera off; the effect sets it, the cancel button calls it before telling the parent. */
  const stopCamera = useRef(() => {});

  useEffect(() => {
    let live = true;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      live = false;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      stream = null;
      if (video.current) video.current.srcObject = null;
    };
    stopCamera.current = stop;
    let offLock = () => {};
    try {
      offLock = vault.session().onLock(stop);
    } catch {
      // Already locked: this view is about to go; open no camera.
      return;
    }
    let canvas: { element: HTMLCanvasElement; context: CanvasRenderingContext2D | null } | null = null;
    const tick = () => {
      if (!live) return;
      const v = video.current;
      if (v && v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && v.videoWidth > 0) {
        if (!canvas) {
          const element = document.createElement('canvas');
          canvas = { element, context: element.getContext('2d', { willReadFrequently: true }) };
        }
        const { element, context } = canvas;
        if (!context) {
          stop();
          setState('scanNoCamera');
          return;
        }
        const scale = Math.min(1, MAX_SIDE / Math.max(v.videoWidth, v.videoHeight));
        element.width = Math.round(v.videoWidth * scale);
        element.height = Math.round(v.videoHeight * scale);
        context.drawImage(v, 0, 0, element.width, element.height);
        const result = readFrame(context.getImageData(0, 0, element.width, element.height));
        if (result.kind === 'code') {
          stop();
          found.current(result.code);
          return;
        }
        // "Not a device code" stays up (it says to show the right code) until a device code is read.
        const next = result.message;
        setState((s) => (s === 'scanNotDevice' ? s : next));
      }
      timer = setTimeout(tick, FRAME_MS);
    };
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(
      (opened) => {
        stream = opened;
        // Cancelled, unmounted or locked while the browser was still opening the camera.
        if (!live) {
          stop();
          return;
        }
        if (video.current) video.current.srcObject = opened;
        setState('scanHold');
        tick();
      },
      (error: unknown) => {
        if (live) setState(failureOf(error));
      },
    );
    return () => {
      offLock();
      stop();
    };
  }, [vault]);

  const failed = state === 'scanDenied' || state === 'scanNoCamera';
  return (
    <fieldset className="camera-scan" data-testid="camera-scan">
      <legend>{t('scanLabel')}</legend>
      {!failed && <video ref={video} className="camera-video" autoPlay muted playsInline />}
      <p
        className={failed ? 'form-message' : undefined}
        role="status"
        data-testid="camera-scan-status"
        data-state={state}
      >
        {t(state)}
      </p>
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          stopCamera.current();
          onCancel();
        }}
      >
        {t('scanCancel')}
      </button>
    </fieldset>
  );
}
