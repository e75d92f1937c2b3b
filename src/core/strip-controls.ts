// User input from a terminal or chat client, before it is echoed or used: terminal escape
// sequences (`ESC [ 31 m`, OSC titles) go whole, and other control characters (C0 except tab,
// DEL, C1) go too, so `/brief \x1b[31mred` is `/brief red`, never `/brief [31mred`. Pure.
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[@-Z\\-_])|\u009b[0-?]*[ -/]*[@-~]/g;
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function stripControls(text: string): string {
  return text.replace(ESCAPES, '').replace(CONTROLS, '').replace(/\t/g, ' ');
}
