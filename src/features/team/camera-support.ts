// Outside the camera chunk on purpose: the "add a colleague" form asks this before it offers the scan.
/** Whether this browser can open a camera at all (the scan button is not shown otherwise). */
export function canUseCamera(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';
}
