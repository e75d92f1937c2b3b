// Dates found in documents -> ISO-8601. Deterministic: a date-time without a zone is read as UTC
// (never as the machine's local time); anything unreadable -> null.

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, JST: 540, AEST: 600, AEDT: 660,
};

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (m) return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
  const named = ZONES[zone.toUpperCase()];
  return named ?? null;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, offset: number): string | null {
  const t = Date.UTC(y, mo, d, h, mi, s) - offset * 60_000;
  const check = new Date(Date.UTC(y, mo, d));
  if (Number.isNaN(t) || check.getUTCMonth() !== mo || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 60) return null;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i;
const RFC822 = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[A-Za-z]*\.?\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?$/;

/** "2023-03-22" stays a date; a date-time becomes "2023-03-22T10:00:00Z"; unreadable -> null. */
export function toIsoDate(input: string | null | undefined): string | null {
  const s = (input ?? '').trim();
  if (!s) return null;
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, zone] = iso;
    if (h === undefined) {
      const ok = build(Number(y), Number(mo) - 1, Number(d), 0, 0, 0, 0);
      return ok ? `${y}-${mo}-${d}` : null;
    }
    const off = offsetMinutes(zone);
    return off === null ? null : build(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec ?? 0), off);
  }
  const rfc = RFC822.exec(s);
  if (rfc) {
    const [, d, mon, yy, h, mi, sec, zone] = rfc;
    const mo = MONTHS[(mon ?? '').toLowerCase()];
    if (mo === undefined) return null;
    let y = Number(yy);
    if ((yy ?? '').length === 2) y += y < 50 ? 2000 : 1900;
    const off = offsetMinutes(zone) ?? 0;
    return build(y, mo, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), off);
  }
  return null;
}
